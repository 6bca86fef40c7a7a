package dev.wasidl.wasi;

import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.bindings.Tuple2;
import dev.wasidl.bindings.Tuple3;
import dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable;
import dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream;
import dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddressFamily;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpSocketAddress;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.Network_;
import dev.wasidl.wasi.bindings.wasi.sockets.Tcp;
import java.net.SocketOption;
import java.net.StandardSocketOptions;

/**
 * The host side of {@code wasi:sockets/tcp}: each {@code tcp-socket} is a {@link HostTcpSocket} in
 * the instance's table; the streams of a connection are a {@link TcpInputStream} and a {@link
 * TcpOutputStream}, served by the streams host. Errors are the WIT's error codes, never traps.
 */
final class TcpHost implements Tcp {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  // Linux's limits for TCP_KEEPIDLE/TCP_KEEPINTVL (seconds) and TCP_KEEPCNT.
  private static final int MAX_KEEP_SECONDS = 32_767;
  private static final int MAX_KEEP_COUNT = 127;

  private final WasiCtx ctx;

  TcpHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  private HostTcpSocket socket(Resource<TcpSocket> self) {
    return ctx.table().get(self, HostTcpSocket.class);
  }

  private HostNetwork network(Resource<Network_> network) {
    return ctx.table().get(network, HostNetwork.class);
  }

  @Override
  public Result<Void, ErrorCode> tcpSocketStartBind(
      Resource<TcpSocket> self, Resource<Network_> network, IpSocketAddress localAddress) {
    HostTcpSocket s = socket(self);
    HostNetwork net = network(network);
    return SocketError.run(() -> s.startBind(net, localAddress));
  }

  @Override
  public Result<Void, ErrorCode> tcpSocketFinishBind(Resource<TcpSocket> self) {
    HostTcpSocket s = socket(self);
    return SocketError.run(s::finishBind);
  }

  @Override
  public Result<Void, ErrorCode> tcpSocketStartConnect(
      Resource<TcpSocket> self, Resource<Network_> network, IpSocketAddress remoteAddress) {
    HostTcpSocket s = socket(self);
    HostNetwork net = network(network);
    return SocketError.run(() -> s.startConnect(net, remoteAddress));
  }

  @Override
  public Result<Tuple2<Resource<InputStream>, Resource<OutputStream>>, ErrorCode>
      tcpSocketFinishConnect(Resource<TcpSocket> self) {
    HostTcpSocket s = socket(self);
    return SocketError.result(
        () -> {
          HostTcpSocket.Streams streams = s.finishConnect();
          return new Tuple2<>(
              ctx.table().push(streams.input()), ctx.table().push(streams.output()));
        });
  }

  @Override
  public Result<Void, ErrorCode> tcpSocketStartListen(Resource<TcpSocket> self) {
    HostTcpSocket s = socket(self);
    return SocketError.run(s::startListen);
  }

  @Override
  public Result<Void, ErrorCode> tcpSocketFinishListen(Resource<TcpSocket> self) {
    HostTcpSocket s = socket(self);
    return SocketError.run(s::finishListen);
  }

  @Override
  public Result<
          Tuple3<Resource<TcpSocket>, Resource<InputStream>, Resource<OutputStream>>, ErrorCode>
      tcpSocketAccept(Resource<TcpSocket> self) {
    HostTcpSocket s = socket(self);
    return SocketError.result(
        () -> {
          HostTcpSocket.Accepted a = s.accept();
          return new Tuple3<>(
              ctx.table().push(a.socket()),
              ctx.table().push(a.streams().input()),
              ctx.table().push(a.streams().output()));
        });
  }

  @Override
  public Result<IpSocketAddress, ErrorCode> tcpSocketLocalAddress(Resource<TcpSocket> self) {
    HostTcpSocket s = socket(self);
    return SocketError.result(s::localAddress);
  }

  @Override
  public Result<IpSocketAddress, ErrorCode> tcpSocketRemoteAddress(Resource<TcpSocket> self) {
    HostTcpSocket s = socket(self);
    return SocketError.result(s::remoteAddress);
  }

  @Override
  public boolean tcpSocketIsListening(Resource<TcpSocket> self) {
    return socket(self).isListening();
  }

  @Override
  public IpAddressFamily tcpSocketAddressFamily(Resource<TcpSocket> self) {
    return socket(self).family();
  }

  @Override
  public Result<Void, ErrorCode> tcpSocketSetListenBacklogSize(
      Resource<TcpSocket> self, long value) {
    HostTcpSocket s = socket(self);
    return SocketError.run(() -> s.setListenBacklogSize(value));
  }

  @Override
  public Result<Boolean, ErrorCode> tcpSocketKeepAliveEnabled(Resource<TcpSocket> self) {
    HostTcpSocket s = socket(self);
    return SocketError.result(() -> s.option(StandardSocketOptions.SO_KEEPALIVE));
  }

  @Override
  public Result<Void, ErrorCode> tcpSocketSetKeepAliveEnabled(
      Resource<TcpSocket> self, boolean value) {
    HostTcpSocket s = socket(self);
    return SocketError.run(() -> s.setOption(StandardSocketOptions.SO_KEEPALIVE, value));
  }

  @Override
  public Result<Long, ErrorCode> tcpSocketKeepAliveIdleTime(Resource<TcpSocket> self) {
    return getSeconds(self, TcpOptions.KEEP_IDLE);
  }

  @Override
  public Result<Void, ErrorCode> tcpSocketSetKeepAliveIdleTime(
      Resource<TcpSocket> self, long value) {
    return setSeconds(self, TcpOptions.KEEP_IDLE, value);
  }

  @Override
  public Result<Long, ErrorCode> tcpSocketKeepAliveInterval(Resource<TcpSocket> self) {
    return getSeconds(self, TcpOptions.KEEP_INTERVAL);
  }

  @Override
  public Result<Void, ErrorCode> tcpSocketSetKeepAliveInterval(
      Resource<TcpSocket> self, long value) {
    return setSeconds(self, TcpOptions.KEEP_INTERVAL, value);
  }

  @Override
  public Result<Integer, ErrorCode> tcpSocketKeepAliveCount(Resource<TcpSocket> self) {
    HostTcpSocket s = socket(self);
    return SocketError.result(() -> s.option(extended(TcpOptions.KEEP_COUNT)));
  }

  @Override
  public Result<Void, ErrorCode> tcpSocketSetKeepAliveCount(Resource<TcpSocket> self, int value) {
    HostTcpSocket s = socket(self);
    return SocketError.run(
        () -> {
          if (value == 0) {
            throw new SocketError(ErrorCode.INVALID_ARGUMENT);
          }
          int count = Integer.compareUnsigned(value, MAX_KEEP_COUNT) > 0 ? MAX_KEEP_COUNT : value;
          s.setOption(extended(TcpOptions.KEEP_COUNT), count);
        });
  }

  @Override
  public Result<Byte, ErrorCode> tcpSocketHopLimit(Resource<TcpSocket> self) {
    socket(self);
    return SocketOptions.hopLimit();
  }

  @Override
  public Result<Void, ErrorCode> tcpSocketSetHopLimit(Resource<TcpSocket> self, byte value) {
    socket(self);
    return SocketOptions.setHopLimit(value);
  }

  @Override
  public Result<Long, ErrorCode> tcpSocketReceiveBufferSize(Resource<TcpSocket> self) {
    return SocketOptions.size(socket(self), StandardSocketOptions.SO_RCVBUF);
  }

  @Override
  public Result<Void, ErrorCode> tcpSocketSetReceiveBufferSize(
      Resource<TcpSocket> self, long value) {
    return SocketOptions.setSize(socket(self), StandardSocketOptions.SO_RCVBUF, value);
  }

  @Override
  public Result<Long, ErrorCode> tcpSocketSendBufferSize(Resource<TcpSocket> self) {
    return SocketOptions.size(socket(self), StandardSocketOptions.SO_SNDBUF);
  }

  @Override
  public Result<Void, ErrorCode> tcpSocketSetSendBufferSize(Resource<TcpSocket> self, long value) {
    return SocketOptions.setSize(socket(self), StandardSocketOptions.SO_SNDBUF, value);
  }

  @Override
  public Resource<Pollable> tcpSocketSubscribe(Resource<TcpSocket> self) {
    HostTcpSocket s = socket(self);
    HostPollable pollable = s::ready;
    return ctx.table().push(pollable);
  }

  @Override
  public Result<Void, ErrorCode> tcpSocketShutdown(
      Resource<TcpSocket> self, ShutdownType shutdownType) {
    HostTcpSocket s = socket(self);
    return SocketError.run(() -> s.shutdown(shutdownType));
  }

  @Override
  public void dropTcpSocket(Resource<TcpSocket> self) {
    ((HostTcpSocket) ctx.table().delete(self)).close();
  }

  private static SocketOption<Integer> extended(String name) throws SocketError {
    return TcpOptions.extended(name).orElseThrow(() -> new SocketError(ErrorCode.NOT_SUPPORTED));
  }

  private Result<Long, ErrorCode> getSeconds(Resource<TcpSocket> self, String option) {
    HostTcpSocket s = socket(self);
    return SocketError.result(() -> s.option(extended(option)) * NANOS_PER_SECOND);
  }

  private Result<Void, ErrorCode> setSeconds(Resource<TcpSocket> self, String option, long nanos) {
    HostTcpSocket s = socket(self);
    return SocketError.run(
        () -> {
          if (nanos == 0) {
            throw new SocketError(ErrorCode.INVALID_ARGUMENT);
          }
          long seconds =
              Long.compareUnsigned(nanos, (long) MAX_KEEP_SECONDS * NANOS_PER_SECOND) >= 0
                  ? MAX_KEEP_SECONDS
                  : Math.max(1, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
          s.setOption(extended(option), (int) seconds);
        });
  }
}
