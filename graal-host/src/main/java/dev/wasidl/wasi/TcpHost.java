package dev.wasidl.wasi;

/** The host side of {@code sockets/Tcp}: not implemented yet. */
final class TcpHost implements dev.wasidl.wasi.bindings.wasi.sockets.Tcp {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  TcpHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketStartBind(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self,
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Network.Network_>
              network,
          dev.wasidl.wasi.bindings.wasi.sockets.Network.IpSocketAddress localAddress) {
    throw Wasi.notImplemented("Tcp.tcpSocketStartBind");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketFinishBind(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketFinishBind");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketStartConnect(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self,
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Network.Network_>
              network,
          dev.wasidl.wasi.bindings.wasi.sockets.Network.IpSocketAddress remoteAddress) {
    throw Wasi.notImplemented("Tcp.tcpSocketStartConnect");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.bindings.Tuple2<
              dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream>,
              dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream>>,
          dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketFinishConnect(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketFinishConnect");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketStartListen(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketStartListen");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketFinishListen(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketFinishListen");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.bindings.Tuple3<
              dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket>,
              dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream>,
              dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream>>,
          dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketAccept(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketAccept");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.wasi.bindings.wasi.sockets.Network.IpSocketAddress,
          dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketLocalAddress(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketLocalAddress");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.wasi.bindings.wasi.sockets.Network.IpSocketAddress,
          dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketRemoteAddress(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketRemoteAddress");
  }

  @Override
  public boolean tcpSocketIsListening(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketIsListening");
  }

  @Override
  public dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddressFamily tcpSocketAddressFamily(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketAddressFamily");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketSetListenBacklogSize(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self,
          long value) {
    throw Wasi.notImplemented("Tcp.tcpSocketSetListenBacklogSize");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Boolean, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketKeepAliveEnabled(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketKeepAliveEnabled");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketSetKeepAliveEnabled(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self,
          boolean value) {
    throw Wasi.notImplemented("Tcp.tcpSocketSetKeepAliveEnabled");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Long, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketKeepAliveIdleTime(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketKeepAliveIdleTime");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketSetKeepAliveIdleTime(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self,
          long value) {
    throw Wasi.notImplemented("Tcp.tcpSocketSetKeepAliveIdleTime");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Long, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketKeepAliveInterval(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketKeepAliveInterval");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketSetKeepAliveInterval(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self,
          long value) {
    throw Wasi.notImplemented("Tcp.tcpSocketSetKeepAliveInterval");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Integer, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketKeepAliveCount(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketKeepAliveCount");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketSetKeepAliveCount(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self,
          int value) {
    throw Wasi.notImplemented("Tcp.tcpSocketSetKeepAliveCount");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Byte, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketHopLimit(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketHopLimit");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketSetHopLimit(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self,
          byte value) {
    throw Wasi.notImplemented("Tcp.tcpSocketSetHopLimit");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Long, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketReceiveBufferSize(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketReceiveBufferSize");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketSetReceiveBufferSize(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self,
          long value) {
    throw Wasi.notImplemented("Tcp.tcpSocketSetReceiveBufferSize");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Long, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketSendBufferSize(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketSendBufferSize");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketSetSendBufferSize(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self,
          long value) {
    throw Wasi.notImplemented("Tcp.tcpSocketSetSendBufferSize");
  }

  @Override
  public dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable>
      tcpSocketSubscribe(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.tcpSocketSubscribe");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      tcpSocketShutdown(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self,
          dev.wasidl.wasi.bindings.wasi.sockets.Tcp.ShutdownType shutdownType) {
    throw Wasi.notImplemented("Tcp.tcpSocketShutdown");
  }

  @Override
  public void dropTcpSocket(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket> self) {
    throw Wasi.notImplemented("Tcp.dropTcpSocket");
  }
}
