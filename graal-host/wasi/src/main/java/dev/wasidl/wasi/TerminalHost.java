package dev.wasidl.wasi;

import dev.wasidl.bindings.Resource;
import dev.wasidl.wasi.bindings.wasi.cli.TerminalInput;
import dev.wasidl.wasi.bindings.wasi.cli.TerminalOutput;
import dev.wasidl.wasi.bindings.wasi.cli.TerminalStderr;
import dev.wasidl.wasi.bindings.wasi.cli.TerminalStdin;
import dev.wasidl.wasi.bindings.wasi.cli.TerminalStdout;
import java.util.Optional;

/**
 * {@code wasi:cli/terminal-*}: the standard streams are never a terminal here (they are Java
 * streams), so there are no terminal resources and every {@code get-terminal-*} is {@code none}.
 */
final class TerminalHost
    implements TerminalInput, TerminalOutput, TerminalStdin, TerminalStdout, TerminalStderr {
  private final WasiCtx ctx;

  TerminalHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public void dropTerminalInput(Resource<TerminalInput.TerminalInput_> self) {
    drop(self);
  }

  @Override
  public void dropTerminalOutput(Resource<TerminalOutput.TerminalOutput_> self) {
    drop(self);
  }

  @Override
  public Optional<Resource<TerminalInput.TerminalInput_>> getTerminalStdin() {
    return Optional.empty();
  }

  @Override
  public Optional<Resource<TerminalOutput.TerminalOutput_>> getTerminalStdout() {
    return Optional.empty();
  }

  @Override
  public Optional<Resource<TerminalOutput.TerminalOutput_>> getTerminalStderr() {
    return Optional.empty();
  }

  /** This host never makes a terminal, so no rep a guest holds is one: the lookup traps. */
  private void drop(Resource<?> self) {
    ctx.table().get(self, Terminal.class);
    ctx.table().delete(self);
  }

  /** What a terminal resource would hold (none is ever made). */
  private static final class Terminal {}
}
