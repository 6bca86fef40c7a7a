package dev.wasidl.wasi;

import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.bindings.Tuple2;
import dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddressFamily;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpSocketAddress;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.Network_;
import dev.wasidl.wasi.bindings.wasi.sockets.Udp;
import java.net.StandardSocketOptions;
import java.util.List;
import java.util.Optional;

/**
 * The host side of {@code wasi:sockets/udp}: {@link HostUdpSocket}s and their datagram streams in
 * the instance's table. Java has no unicast TTL option, so {@code unicast-hop-limit} is not
 * supported.
 */
final class UdpHost implements Udp {
  private final WasiCtx ctx;

  UdpHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  private HostUdpSocket socket(Resource<UdpSocket> self) {
    return ctx.table().get(self, HostUdpSocket.class);
  }

  @Override
  public Result<Void, ErrorCode> udpSocketStartBind(
      Resource<UdpSocket> self, Resource<Network_> network, IpSocketAddress localAddress) {
    HostUdpSocket s = socket(self);
    HostNetwork net = ctx.table().get(network, HostNetwork.class);
    return SocketError.run(() -> s.startBind(net, localAddress));
  }

  @Override
  public Result<Void, ErrorCode> udpSocketFinishBind(Resource<UdpSocket> self) {
    HostUdpSocket s = socket(self);
    return SocketError.run(s::finishBind);
  }

  @Override
  public Result<
          Tuple2<Resource<IncomingDatagramStream>, Resource<OutgoingDatagramStream>>, ErrorCode>
      udpSocketStream(Resource<UdpSocket> self, Optional<IpSocketAddress> remoteAddress) {
    HostUdpSocket s = socket(self);
    return SocketError.result(
        () -> {
          HostUdpSocket.Incoming incoming = s.stream(remoteAddress);
          return new Tuple2<>(ctx.table().push(incoming), ctx.table().push(s.outgoing()));
        });
  }

  @Override
  public Result<IpSocketAddress, ErrorCode> udpSocketLocalAddress(Resource<UdpSocket> self) {
    HostUdpSocket s = socket(self);
    return SocketError.result(s::localAddress);
  }

  @Override
  public Result<IpSocketAddress, ErrorCode> udpSocketRemoteAddress(Resource<UdpSocket> self) {
    HostUdpSocket s = socket(self);
    return SocketError.result(s::remoteAddress);
  }

  @Override
  public IpAddressFamily udpSocketAddressFamily(Resource<UdpSocket> self) {
    return socket(self).family();
  }

  @Override
  public Result<Byte, ErrorCode> udpSocketUnicastHopLimit(Resource<UdpSocket> self) {
    socket(self);
    return SocketOptions.hopLimit();
  }

  @Override
  public Result<Void, ErrorCode> udpSocketSetUnicastHopLimit(Resource<UdpSocket> self, byte value) {
    socket(self);
    return SocketOptions.setHopLimit(value);
  }

  @Override
  public Result<Long, ErrorCode> udpSocketReceiveBufferSize(Resource<UdpSocket> self) {
    return SocketOptions.size(socket(self), StandardSocketOptions.SO_RCVBUF);
  }

  @Override
  public Result<Void, ErrorCode> udpSocketSetReceiveBufferSize(
      Resource<UdpSocket> self, long value) {
    return SocketOptions.setSize(socket(self), StandardSocketOptions.SO_RCVBUF, value);
  }

  @Override
  public Result<Long, ErrorCode> udpSocketSendBufferSize(Resource<UdpSocket> self) {
    return SocketOptions.size(socket(self), StandardSocketOptions.SO_SNDBUF);
  }

  @Override
  public Result<Void, ErrorCode> udpSocketSetSendBufferSize(Resource<UdpSocket> self, long value) {
    return SocketOptions.setSize(socket(self), StandardSocketOptions.SO_SNDBUF, value);
  }

  @Override
  public Resource<Pollable> udpSocketSubscribe(Resource<UdpSocket> self) {
    socket(self);
    return ctx.table().push(HostPollable.READY);
  }

  @Override
  public Result<List<IncomingDatagram>, ErrorCode> incomingDatagramStreamReceive(
      Resource<IncomingDatagramStream> self, long maxResults) {
    HostUdpSocket.Incoming s = ctx.table().get(self, HostUdpSocket.Incoming.class);
    return SocketError.result(() -> s.receive(maxResults));
  }

  @Override
  public Resource<Pollable> incomingDatagramStreamSubscribe(Resource<IncomingDatagramStream> self) {
    HostUdpSocket.Incoming s = ctx.table().get(self, HostUdpSocket.Incoming.class);
    HostPollable pollable = s::ready;
    return ctx.table().push(pollable);
  }

  @Override
  public Result<Long, ErrorCode> outgoingDatagramStreamCheckSend(
      Resource<OutgoingDatagramStream> self) {
    HostUdpSocket.Outgoing s = ctx.table().get(self, HostUdpSocket.Outgoing.class);
    return SocketError.result(s::checkSend);
  }

  @Override
  public Result<Long, ErrorCode> outgoingDatagramStreamSend(
      Resource<OutgoingDatagramStream> self, List<OutgoingDatagram> datagrams) {
    HostUdpSocket.Outgoing s = ctx.table().get(self, HostUdpSocket.Outgoing.class);
    return SocketError.result(() -> s.send(datagrams));
  }

  @Override
  public Resource<Pollable> outgoingDatagramStreamSubscribe(Resource<OutgoingDatagramStream> self) {
    ctx.table().get(self, HostUdpSocket.Outgoing.class);
    return ctx.table().push(HostPollable.READY);
  }

  @Override
  public void dropUdpSocket(Resource<UdpSocket> self) {
    ((HostUdpSocket) ctx.table().delete(self)).close();
  }

  @Override
  public void dropIncomingDatagramStream(Resource<IncomingDatagramStream> self) {
    ctx.table().delete(self);
  }

  @Override
  public void dropOutgoingDatagramStream(Resource<OutgoingDatagramStream> self) {
    ctx.table().delete(self);
  }
}
