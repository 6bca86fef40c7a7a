package dev.wasidl.component;

/**
 * The bytes do not follow the component binary grammar (truncation, bad LEB128, unknown opcodes,
 * bad UTF-8).
 */
public final class MalformedComponentException extends ComponentException {
  private static final long serialVersionUID = 1L;

  /** A failure with its detail, the section being read and the byte offset. */
  public MalformedComponentException(String detail, String section, long offset) {
    super("malformed", detail, section, offset);
  }
}
