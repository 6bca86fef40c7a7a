package dev.wasidl.wasi;

/** The host side of {@code sockets/Network}: not implemented yet. */
final class NetworkHost implements dev.wasidl.wasi.bindings.wasi.sockets.Network {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  NetworkHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public void dropNetwork(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Network.Network_> self) {
    throw Wasi.notImplemented("Network.dropNetwork");
  }
}
