package dev.wasidl.ffm;

/** A value, argument list or struct does not have the type that was expected. */
public final class TypeMismatchException extends FfiException {
  private static final long serialVersionUID = 1L;

  /** An exception with this message. */
  public TypeMismatchException(String message) {
    super(message);
  }
}
