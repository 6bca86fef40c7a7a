package dev.wasidl.bindgen.c;

import java.io.Serial;

/** The one unchecked root of what reading a C header can fail with. */
public abstract sealed class CHeaderException extends RuntimeException
    permits LibClangMissingException,
        ClangDiagnosticException,
        UnsupportedTypeException,
        UndeclaredException {
  @Serial private static final long serialVersionUID = 1L;

  CHeaderException(String message) {
    super(message);
  }
}
