package dev.wasidl.ffm;

/**
 * A Java callback called from C threw; the exception is the cause, rethrown after the C call
 * returned.
 */
public final class CallbackException extends FfiException {
  private static final long serialVersionUID = 1L;

  /** An exception with this message. */
  public CallbackException(String message) {
    super(message);
  }

  /** An exception with this message and cause. */
  public CallbackException(String message, Throwable cause) {
    super(message, cause);
  }
}
