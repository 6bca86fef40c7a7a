package dev.wasidl.compose;

/** Components that cannot be composed; the message names the parts and the names involved. */
public final class ComposeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ComposeException(String message) {
    super(message);
  }

  public ComposeException(String message, Throwable cause) {
    super(message, cause);
  }
}
