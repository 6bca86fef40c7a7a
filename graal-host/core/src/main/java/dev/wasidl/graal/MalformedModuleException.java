package dev.wasidl.graal;

/**
 * GraalWasm rejected a core module's bytes while parsing or validating them (the spec's "malformed"
 * and "invalid" classes, which GraalWasm does not tell apart). Thrown by the first instantiation of
 * the module in a {@link GraalStore}.
 */
public final class MalformedModuleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedModuleException(String message, Throwable cause) {
    super(message, cause);
  }
}
