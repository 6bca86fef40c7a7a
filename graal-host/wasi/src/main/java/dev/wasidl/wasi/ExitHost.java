package dev.wasidl.wasi;

import dev.wasidl.bindings.Result;
import dev.wasidl.wasi.bindings.wasi.cli.Exit;

/** {@code wasi:cli/exit}: unwinds the guest with a {@link WasiExit}. */
final class ExitHost implements Exit {
  ExitHost(WasiCtx ctx) {}

  /** {@code ok} exits 0, {@code err} 1. */
  @Override
  public void exit(Result<Void, Void> status) {
    throw new WasiExit(status.isOk() ? 0 : 1);
  }

  @Override
  public void exitWithCode(byte statusCode) {
    throw new WasiExit(Byte.toUnsignedInt(statusCode));
  }
}
