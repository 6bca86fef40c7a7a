package dev.wasidl.wasi;

/** The host side of {@code filesystem/Preopens}: not implemented yet. */
final class PreopensHost implements dev.wasidl.wasi.bindings.wasi.filesystem.Preopens {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  PreopensHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public java.util.List<
          dev.wasidl.bindings.Tuple2<
              dev.wasidl.bindings.Resource<
                  dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor>,
              java.lang.String>>
      getDirectories() {
    throw Wasi.notImplemented("Preopens.getDirectories");
  }
}
