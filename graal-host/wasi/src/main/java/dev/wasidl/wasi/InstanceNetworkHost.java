package dev.wasidl.wasi;

import dev.wasidl.bindings.Resource;
import dev.wasidl.wasi.bindings.wasi.sockets.InstanceNetwork;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.Network_;

/**
 * The host side of {@code wasi:sockets/instance-network}: every call gives a new handle to the
 * instance's one network, whose grants come from {@link WasiConfig} (nothing unless {@link
 * WasiConfig#allowNet()}).
 */
final class InstanceNetworkHost implements InstanceNetwork {
  private final WasiCtx ctx;

  InstanceNetworkHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public Resource<Network_> instanceNetwork() {
    return ctx.table().push(new HostNetwork(ctx.config()));
  }
}
