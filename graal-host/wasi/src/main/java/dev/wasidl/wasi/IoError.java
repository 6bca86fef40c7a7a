package dev.wasidl.wasi;

import java.util.Objects;

/**
 * What a {@code wasi:io/error.error} resource holds in the table: the failure behind a stream's
 * {@code last-operation-failed}. Other interfaces can look at {@link #cause()} to "downcast" it
 * (e.g. {@code wasi:filesystem/types.filesystem-error-code}).
 */
public record IoError(String message, Throwable cause) {
  public IoError {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(cause, "cause");
  }

  /** The error of a failed operation, described by {@code cause}'s message. */
  public static IoError of(Throwable cause) {
    String m = cause.getMessage();
    return new IoError(m == null || m.isEmpty() ? cause.getClass().getSimpleName() : m, cause);
  }
}
