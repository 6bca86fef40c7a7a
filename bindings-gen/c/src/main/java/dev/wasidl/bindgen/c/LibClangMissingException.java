package dev.wasidl.bindgen.c;

import java.io.Serial;

/** libclang (or its resource headers) is not installed; the message names the packages. */
public final class LibClangMissingException extends CHeaderException {
  @Serial private static final long serialVersionUID = 1L;

  /** With a one-line message. */
  public LibClangMissingException(String message) {
    super(message);
  }
}
