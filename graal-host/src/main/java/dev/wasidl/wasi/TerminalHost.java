package dev.wasidl.wasi;

/**
 * The host side of {@code cli/TerminalInput} and {@code cli/TerminalOutput} and {@code
 * cli/TerminalStdin} and {@code cli/TerminalStdout} and {@code cli/TerminalStderr}: not implemented
 * yet.
 */
final class TerminalHost
    implements dev.wasidl.wasi.bindings.wasi.cli.TerminalInput,
        dev.wasidl.wasi.bindings.wasi.cli.TerminalOutput,
        dev.wasidl.wasi.bindings.wasi.cli.TerminalStdin,
        dev.wasidl.wasi.bindings.wasi.cli.TerminalStdout,
        dev.wasidl.wasi.bindings.wasi.cli.TerminalStderr {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  TerminalHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public void dropTerminalInput(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.cli.TerminalInput.TerminalInput_>
          self) {
    throw Wasi.notImplemented("TerminalInput.dropTerminalInput");
  }

  @Override
  public void dropTerminalOutput(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.cli.TerminalOutput.TerminalOutput_>
          self) {
    throw Wasi.notImplemented("TerminalOutput.dropTerminalOutput");
  }

  @Override
  public java.util.Optional<
          dev.wasidl.bindings.Resource<
              dev.wasidl.wasi.bindings.wasi.cli.TerminalInput.TerminalInput_>>
      getTerminalStdin() {
    throw Wasi.notImplemented("TerminalStdin.getTerminalStdin");
  }

  @Override
  public java.util.Optional<
          dev.wasidl.bindings.Resource<
              dev.wasidl.wasi.bindings.wasi.cli.TerminalOutput.TerminalOutput_>>
      getTerminalStdout() {
    throw Wasi.notImplemented("TerminalStdout.getTerminalStdout");
  }

  @Override
  public java.util.Optional<
          dev.wasidl.bindings.Resource<
              dev.wasidl.wasi.bindings.wasi.cli.TerminalOutput.TerminalOutput_>>
      getTerminalStderr() {
    throw Wasi.notImplemented("TerminalStderr.getTerminalStderr");
  }
}
