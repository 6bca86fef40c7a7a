package dev.wasidl.wasi;

import dev.wasidl.abi.Trap;

/**
 * A guest called {@code wasi:cli/exit}: unwinds the guest (as a trap does) carrying the exit code,
 * which a command runner makes its own.
 */
public final class WasiExit extends Trap {
  private static final long serialVersionUID = 1L;

  private final int code;

  public WasiExit(int code) {
    super("guest exited with code " + code);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
