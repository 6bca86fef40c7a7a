package dev.wasidl.wasi;

import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddressFamily;
import dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket;
import dev.wasidl.wasi.bindings.wasi.sockets.TcpCreateSocket;

/**
 * The host side of {@code wasi:sockets/tcp-create-socket}: a new unbound {@link HostTcpSocket} (no
 * capability needed until it binds or connects).
 */
final class TcpCreateSocketHost implements TcpCreateSocket {
  private final WasiCtx ctx;

  TcpCreateSocketHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public Result<Resource<TcpSocket>, ErrorCode> createTcpSocket(IpAddressFamily addressFamily) {
    return SocketError.result(() -> ctx.table().push(HostTcpSocket.create(addressFamily)));
  }
}
