package dev.wasidl.wasi;

/** The host side of {@code sockets/Udp}: not implemented yet. */
final class UdpHost implements dev.wasidl.wasi.bindings.wasi.sockets.Udp {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  UdpHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      udpSocketStartBind(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket> self,
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Network.Network_>
              network,
          dev.wasidl.wasi.bindings.wasi.sockets.Network.IpSocketAddress localAddress) {
    throw Wasi.notImplemented("Udp.udpSocketStartBind");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      udpSocketFinishBind(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket> self) {
    throw Wasi.notImplemented("Udp.udpSocketFinishBind");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.bindings.Tuple2<
              dev.wasidl.bindings.Resource<
                  dev.wasidl.wasi.bindings.wasi.sockets.Udp.IncomingDatagramStream>,
              dev.wasidl.bindings.Resource<
                  dev.wasidl.wasi.bindings.wasi.sockets.Udp.OutgoingDatagramStream>>,
          dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      udpSocketStream(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket> self,
          java.util.Optional<dev.wasidl.wasi.bindings.wasi.sockets.Network.IpSocketAddress>
              remoteAddress) {
    throw Wasi.notImplemented("Udp.udpSocketStream");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.wasi.bindings.wasi.sockets.Network.IpSocketAddress,
          dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      udpSocketLocalAddress(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket> self) {
    throw Wasi.notImplemented("Udp.udpSocketLocalAddress");
  }

  @Override
  public dev.wasidl.bindings.Result<
          dev.wasidl.wasi.bindings.wasi.sockets.Network.IpSocketAddress,
          dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      udpSocketRemoteAddress(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket> self) {
    throw Wasi.notImplemented("Udp.udpSocketRemoteAddress");
  }

  @Override
  public dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddressFamily udpSocketAddressFamily(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket> self) {
    throw Wasi.notImplemented("Udp.udpSocketAddressFamily");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Byte, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      udpSocketUnicastHopLimit(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket> self) {
    throw Wasi.notImplemented("Udp.udpSocketUnicastHopLimit");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      udpSocketSetUnicastHopLimit(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket> self,
          byte value) {
    throw Wasi.notImplemented("Udp.udpSocketSetUnicastHopLimit");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Long, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      udpSocketReceiveBufferSize(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket> self) {
    throw Wasi.notImplemented("Udp.udpSocketReceiveBufferSize");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      udpSocketSetReceiveBufferSize(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket> self,
          long value) {
    throw Wasi.notImplemented("Udp.udpSocketSetReceiveBufferSize");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Long, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      udpSocketSendBufferSize(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket> self) {
    throw Wasi.notImplemented("Udp.udpSocketSendBufferSize");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Void, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      udpSocketSetSendBufferSize(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket> self,
          long value) {
    throw Wasi.notImplemented("Udp.udpSocketSetSendBufferSize");
  }

  @Override
  public dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable>
      udpSocketSubscribe(
          dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket> self) {
    throw Wasi.notImplemented("Udp.udpSocketSubscribe");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.util.List<dev.wasidl.wasi.bindings.wasi.sockets.Udp.IncomingDatagram>,
          dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      incomingDatagramStreamReceive(
          dev.wasidl.bindings.Resource<
                  dev.wasidl.wasi.bindings.wasi.sockets.Udp.IncomingDatagramStream>
              self,
          long maxResults) {
    throw Wasi.notImplemented("Udp.incomingDatagramStreamReceive");
  }

  @Override
  public dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable>
      incomingDatagramStreamSubscribe(
          dev.wasidl.bindings.Resource<
                  dev.wasidl.wasi.bindings.wasi.sockets.Udp.IncomingDatagramStream>
              self) {
    throw Wasi.notImplemented("Udp.incomingDatagramStreamSubscribe");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Long, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      outgoingDatagramStreamCheckSend(
          dev.wasidl.bindings.Resource<
                  dev.wasidl.wasi.bindings.wasi.sockets.Udp.OutgoingDatagramStream>
              self) {
    throw Wasi.notImplemented("Udp.outgoingDatagramStreamCheckSend");
  }

  @Override
  public dev.wasidl.bindings.Result<
          java.lang.Long, dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode>
      outgoingDatagramStreamSend(
          dev.wasidl.bindings.Resource<
                  dev.wasidl.wasi.bindings.wasi.sockets.Udp.OutgoingDatagramStream>
              self,
          java.util.List<dev.wasidl.wasi.bindings.wasi.sockets.Udp.OutgoingDatagram> datagrams) {
    throw Wasi.notImplemented("Udp.outgoingDatagramStreamSend");
  }

  @Override
  public dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable>
      outgoingDatagramStreamSubscribe(
          dev.wasidl.bindings.Resource<
                  dev.wasidl.wasi.bindings.wasi.sockets.Udp.OutgoingDatagramStream>
              self) {
    throw Wasi.notImplemented("Udp.outgoingDatagramStreamSubscribe");
  }

  @Override
  public void dropUdpSocket(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket> self) {
    throw Wasi.notImplemented("Udp.dropUdpSocket");
  }

  @Override
  public void dropIncomingDatagramStream(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.IncomingDatagramStream>
          self) {
    throw Wasi.notImplemented("Udp.dropIncomingDatagramStream");
  }

  @Override
  public void dropOutgoingDatagramStream(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.sockets.Udp.OutgoingDatagramStream>
          self) {
    throw Wasi.notImplemented("Udp.dropOutgoingDatagramStream");
  }
}
