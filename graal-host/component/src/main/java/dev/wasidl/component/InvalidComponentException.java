package dev.wasidl.component;

/**
 * A well-formed component that fails validation (index out of range, duplicate names, type
 * mismatch).
 */
public final class InvalidComponentException extends ComponentException {
  private static final long serialVersionUID = 1L;

  /** A failure with its detail, the section being read and the byte offset. */
  public InvalidComponentException(String detail, String section, long offset) {
    super("invalid", detail, section, offset);
  }
}
