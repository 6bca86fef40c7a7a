package dev.wasidl.wasi;

/** The host side of {@code cli/Exit}: not implemented yet. */
final class ExitHost implements dev.wasidl.wasi.bindings.wasi.cli.Exit {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  ExitHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public void exit(dev.wasidl.bindings.Result<java.lang.Void, java.lang.Void> status) {
    throw Wasi.notImplemented("Exit.exit");
  }

  @Override
  public void exitWithCode(byte statusCode) {
    throw Wasi.notImplemented("Exit.exitWithCode");
  }
}
