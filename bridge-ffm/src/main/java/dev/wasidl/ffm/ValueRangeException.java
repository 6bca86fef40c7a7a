package dev.wasidl.ffm;

/** A value does not fit the range of the type it is stored as or read as. */
public final class ValueRangeException extends FfiException {
  private static final long serialVersionUID = 1L;

  /** An exception with this message. */
  public ValueRangeException(String message) {
    super(message);
  }
}
