package dev.wasidl.bindgen.c;

import java.io.Serial;

/**
 * A declaration uses a C type that wasi:dl cannot express (bitfields, unions, {@code long double},
 * {@code _Complex}, arrays by value, ...); the message names the declaration and the type.
 */
public final class UnsupportedTypeException extends CHeaderException {
  @Serial private static final long serialVersionUID = 1L;

  private final String declaration;

  /** {@code declaration} is the function or struct whose type is unsupported. */
  public UnsupportedTypeException(String declaration, String message) {
    super(message);
    this.declaration = declaration;
  }

  /** The function or struct name. */
  public String declaration() {
    return declaration;
  }
}
