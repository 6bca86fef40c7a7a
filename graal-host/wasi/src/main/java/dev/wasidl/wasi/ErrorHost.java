package dev.wasidl.wasi;

import dev.wasidl.bindings.Resource;
import dev.wasidl.wasi.bindings.wasi.io.Error;

/** {@code wasi:io/error}: an {@link IoError} in the table, described by its message. */
final class ErrorHost implements Error {
  private final WasiCtx ctx;

  ErrorHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public String errorToDebugString(Resource<Error.Error_> self) {
    return ctx.table().get(self, IoError.class).message();
  }

  @Override
  public void dropError(Resource<Error.Error_> self) {
    ctx.table().get(self, IoError.class);
    ctx.table().delete(self);
  }
}
