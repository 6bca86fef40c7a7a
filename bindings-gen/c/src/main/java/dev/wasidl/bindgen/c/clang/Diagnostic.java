package dev.wasidl.bindgen.c.clang;

/** A clang diagnostic: its severity ({@code CXDiagnosticSeverity}) and formatted text. */
public record Diagnostic(int severity, String text) {
  /** {@code CXDiagnostic_Error}. */
  public static final int ERROR = 3;

  /** {@code CXDiagnostic_Fatal}. */
  public static final int FATAL = 4;

  /** True for errors and fatal errors. */
  public boolean isError() {
    return severity >= ERROR;
  }
}
