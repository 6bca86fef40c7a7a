package dev.wasidl.ffm;

/** A string is not valid UTF-8, holds a NUL, or has no terminator within bounds. */
public final class InvalidStringException extends FfiException {
  private static final long serialVersionUID = 1L;

  /** An exception with this message. */
  public InvalidStringException(String message) {
    super(message);
  }
}
