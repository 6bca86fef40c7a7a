package dev.wasidl.ffm;

/** A library, symbol, function or alloc was used after it was closed (dropped). */
public final class ClosedException extends FfiException {
  private static final long serialVersionUID = 1L;

  /** An exception with this message. */
  public ClosedException(String message) {
    super(message);
  }
}
