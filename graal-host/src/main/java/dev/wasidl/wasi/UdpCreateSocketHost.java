package dev.wasidl.wasi;

/** The host side of {@code sockets/UdpCreateSocket}: not implemented yet. */
final class UdpCreateSocketHost implements dev.wasidl.wasi.bindings.wasi.sockets.UdpCreateSocket {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  UdpCreateSocketHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket>,
          dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      createUdpSocket(dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddressFamily addressFamily) {
    throw Wasi.notImplemented("UdpCreateSocket.createUdpSocket");
  }
}
