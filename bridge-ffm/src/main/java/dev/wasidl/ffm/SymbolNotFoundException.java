package dev.wasidl.ffm;

/** {@code dlsym} found no such symbol; the message is the platform's {@code dlerror} text. */
public final class SymbolNotFoundException extends FfiException {
  private static final long serialVersionUID = 1L;

  /** An exception with this message. */
  public SymbolNotFoundException(String message) {
    super(message);
  }
}
