package dev.wasidl.ffm;

/**
 * A read or write would go past the known extent of an {@link Alloc}, or touch foreign memory that
 * is not mapped with the access it needs ("not readable", "not writable").
 */
public final class OutOfBoundsException extends FfiException {
  private static final long serialVersionUID = 1L;

  /** An exception with this message. */
  public OutOfBoundsException(String message) {
    super(message);
  }
}
