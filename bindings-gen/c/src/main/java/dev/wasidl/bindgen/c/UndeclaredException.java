package dev.wasidl.bindgen.c;

import java.io.Serial;

/** A function or struct asked for by name is not declared (or not defined) in the header. */
public final class UndeclaredException extends CHeaderException {
  @Serial private static final long serialVersionUID = 1L;

  /** With a one-line message. */
  public UndeclaredException(String message) {
    super(message);
  }
}
