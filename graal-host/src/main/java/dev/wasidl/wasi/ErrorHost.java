package dev.wasidl.wasi;

/** The host side of {@code io/Error}: not implemented yet. */
final class ErrorHost implements dev.wasidl.wasi.bindings.wasi.io.Error {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  ErrorHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public java.lang.String errorToDebugString(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Error.Error_> self) {
    throw Wasi.notImplemented("Error.errorToDebugString");
  }

  @Override
  public void dropError(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Error.Error_> self) {
    throw Wasi.notImplemented("Error.dropError");
  }
}
