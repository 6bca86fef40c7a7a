package dev.wasidl.wasi;

import dev.wasidl.bindings.Resource;
import dev.wasidl.wasi.bindings.wasi.sockets.Network;

/** The host side of {@code wasi:sockets/network}: the network resource ({@link HostNetwork}). */
final class NetworkHost implements Network {
  private final WasiCtx ctx;

  NetworkHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public void dropNetwork(Resource<Network_> self) {
    ctx.table().delete(self);
  }
}
