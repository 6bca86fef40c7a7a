package dev.wasidl.wasi;

import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddressFamily;
import dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket;
import dev.wasidl.wasi.bindings.wasi.sockets.UdpCreateSocket;

/** The host side of {@code wasi:sockets/udp-create-socket}: a new unbound {@link HostUdpSocket}. */
final class UdpCreateSocketHost implements UdpCreateSocket {
  private final WasiCtx ctx;

  UdpCreateSocketHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public Result<Resource<UdpSocket>, ErrorCode> createUdpSocket(IpAddressFamily addressFamily) {
    return SocketError.result(() -> ctx.table().push(HostUdpSocket.create(addressFamily)));
  }
}
