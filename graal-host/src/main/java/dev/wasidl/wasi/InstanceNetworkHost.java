package dev.wasidl.wasi;

/** The host side of {@code sockets/InstanceNetwork}: not implemented yet. */
final class InstanceNetworkHost implements dev.wasidl.wasi.bindings.wasi.sockets.InstanceNetwork {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  InstanceNetworkHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Network.Network_>
      instanceNetwork() {
    throw Wasi.notImplemented("InstanceNetwork.instanceNetwork");
  }
}
