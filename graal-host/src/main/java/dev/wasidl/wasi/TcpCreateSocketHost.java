package dev.wasidl.wasi;

/** The host side of {@code sockets/TcpCreateSocket}: not implemented yet. */
final class TcpCreateSocketHost implements dev.wasidl.wasi.bindings.wasi.sockets.TcpCreateSocket {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  TcpCreateSocketHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket>,
          dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      createTcpSocket(dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddressFamily addressFamily) {
    throw Wasi.notImplemented("TcpCreateSocket.createTcpSocket");
  }
}
