package dev.wasidl.bindgen.c;

import java.io.Serial;
import java.util.List;

/** clang could not parse the header: the message is clang's own error diagnostics. */
public final class ClangDiagnosticException extends CHeaderException {
  @Serial private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // an immutable List.copyOf
  private final List<String> diagnostics;

  /** With clang's formatted diagnostics, one per element. */
  public ClangDiagnosticException(String header, List<String> diagnostics) {
    super("clang cannot parse " + header + ":\n" + String.join("\n", diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** clang's diagnostics (errors and fatal errors), each as clang formats it. */
  public List<String> diagnostics() {
    return diagnostics;
  }
}
