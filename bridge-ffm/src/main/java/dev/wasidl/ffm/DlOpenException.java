package dev.wasidl.ffm;

/** {@code dlopen} failed; the message is the platform's {@code dlerror} text. */
public final class DlOpenException extends FfiException {
  private static final long serialVersionUID = 1L;

  /** An exception with this message. */
  public DlOpenException(String message) {
    super(message);
  }
}
