package dev.wasidl.bindgen.wit;

/**
 * The one unchecked root of WIT failures. The message starts with {@code file:line:column} when the
 * failure has a place in a source file.
 */
public class WitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WitException(String message) {
    super(message);
  }

  public WitException(String message, Throwable cause) {
    super(message, cause);
  }
}
