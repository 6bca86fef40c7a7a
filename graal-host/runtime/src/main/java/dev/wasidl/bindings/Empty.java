package dev.wasidl.bindings;

/**
 * The payload-less results, shared: {@link Result#ok()} and {@link Result#err()} allocate nothing.
 */
final class Empty {
  private Empty() {}

  static final Result<Void, Void> OK = new Result.Ok<>(null);
  static final Result<Void, Void> ERR = new Result.Err<>(null);
}
