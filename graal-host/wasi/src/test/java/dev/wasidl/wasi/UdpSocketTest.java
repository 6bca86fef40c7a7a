package dev.wasidl.wasi;

import static dev.wasidl.wasi.SocketTesting.assertErr;
import static dev.wasidl.wasi.SocketTesting.block;
import static dev.wasidl.wasi.SocketTesting.ctx;
import static dev.wasidl.wasi.SocketTesting.loopback;
import static dev.wasidl.wasi.SocketTesting.ok;
import static dev.wasidl.wasi.SocketTesting.port;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.bindings.Resource;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddressFamily;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.Network_;
import dev.wasidl.wasi.bindings.wasi.sockets.Udp.IncomingDatagram;
import dev.wasidl.wasi.bindings.wasi.sockets.Udp.OutgoingDatagram;
import dev.wasidl.wasi.bindings.wasi.sockets.Udp.UdpSocket;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** wasi:sockets/udp on a real {@link WasiCtx} against a plain {@link DatagramSocket}. */
class UdpSocketTest {
  private final WasiCtx ctx = ctx(true);
  private final Resource<Network_> net = ctx.instanceNetworkHost.instanceNetwork();

  private Resource<UdpSocket> bound() {
    Resource<UdpSocket> s = ok(ctx.udpCreateSocketHost.createUdpSocket(IpAddressFamily.IPV4));
    ok(ctx.udpHost.udpSocketStartBind(s, net, loopback(0)));
    ok(ctx.udpHost.udpSocketFinishBind(s));
    return s;
  }

  @Test
  void datagramsBothWaysUnconnectedAndConnected() throws Exception {
    var udp = ctx.udpHost;
    Resource<UdpSocket> s = bound();
    int port = port(ok(udp.udpSocketLocalAddress(s)));
    assertErr(ErrorCode.INVALID_STATE, udp.udpSocketRemoteAddress(s));
    try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      peer.setSoTimeout(10_000);
      var streams = ok(udp.udpSocketStream(s, Optional.empty()));
      var pollable = udp.incomingDatagramStreamSubscribe(streams.v0());
      assertFalse(ctx.table().get(pollable, HostPollable.class).ready(), "nothing sent yet");
      assertEquals(List.of(), ok(udp.incomingDatagramStreamReceive(streams.v0(), 10)));

      byte[] hello = "hello udp".getBytes(UTF_8);
      peer.send(new DatagramPacket(hello, hello.length, InetAddress.getLoopbackAddress(), port));
      block(ctx, pollable);
      List<IncomingDatagram> got = new ArrayList<>();
      while (got.isEmpty()) {
        got.addAll(ok(udp.incomingDatagramStreamReceive(streams.v0(), 10)));
      }
      assertEquals(1, got.size());
      assertArrayEquals(hello, got.get(0).data());
      assertEquals(loopback(peer.getLocalPort()), got.get(0).remoteAddress());

      // reply with an explicit destination
      assertTrue(ok(udp.outgoingDatagramStreamCheckSend(streams.v1())) > 0);
      byte[] reply = "reply".getBytes(UTF_8);
      assertEquals(
          1L,
          ok(
              udp.outgoingDatagramStreamSend(
                  streams.v1(),
                  List.of(
                      new OutgoingDatagram(reply, Optional.of(loopback(peer.getLocalPort())))))));
      DatagramPacket in = new DatagramPacket(new byte[100], 100);
      peer.receive(in);
      assertEquals("reply", new String(in.getData(), 0, in.getLength(), UTF_8));
      assertEquals(port, in.getPort());

      // unconnected: a destination is required
      ok(udp.outgoingDatagramStreamCheckSend(streams.v1()));
      assertErr(
          ErrorCode.INVALID_ARGUMENT,
          udp.outgoingDatagramStreamSend(
              streams.v1(), List.of(new OutgoingDatagram(reply, Optional.empty()))));

      // connected to the peer: no address needed, another one refused, old streams stale
      var connected = ok(udp.udpSocketStream(s, Optional.of(loopback(peer.getLocalPort()))));
      assertEquals(loopback(peer.getLocalPort()), ok(udp.udpSocketRemoteAddress(s)));
      assertErr(ErrorCode.INVALID_STATE, udp.outgoingDatagramStreamCheckSend(streams.v1()));
      assertErr(ErrorCode.INVALID_STATE, udp.incomingDatagramStreamReceive(streams.v0(), 1));
      ok(udp.outgoingDatagramStreamCheckSend(connected.v1()));
      assertErr(
          ErrorCode.INVALID_ARGUMENT,
          udp.outgoingDatagramStreamSend(
              connected.v1(), List.of(new OutgoingDatagram(reply, Optional.of(loopback(9))))));
      ok(udp.outgoingDatagramStreamCheckSend(connected.v1()));
      assertEquals(
          2L,
          ok(
              udp.outgoingDatagramStreamSend(
                  connected.v1(),
                  List.of(
                      new OutgoingDatagram("one".getBytes(UTF_8), Optional.empty()),
                      new OutgoingDatagram(
                          "two".getBytes(UTF_8), Optional.of(loopback(peer.getLocalPort())))))));
      peer.receive(in);
      assertEquals("one", new String(in.getData(), 0, in.getLength(), UTF_8));
      peer.receive(in);
      assertEquals("two", new String(in.getData(), 0, in.getLength(), UTF_8));

      peer.send(new DatagramPacket(hello, hello.length, InetAddress.getLoopbackAddress(), port));
      block(ctx, udp.incomingDatagramStreamSubscribe(connected.v0()));
      assertArrayEquals(
          hello, ok(udp.incomingDatagramStreamReceive(connected.v0(), 1)).get(0).data());

      // send without check-send, or more than it permitted, traps
      assertThrows(
          Trap.class,
          () ->
              udp.outgoingDatagramStreamSend(
                  connected.v1(), List.of(new OutgoingDatagram(hello, Optional.empty()))));
      long permit = ok(udp.outgoingDatagramStreamCheckSend(connected.v1()));
      List<OutgoingDatagram> tooMany =
          Collections.nCopies((int) permit + 1, new OutgoingDatagram(hello, Optional.empty()));
      assertThrows(Trap.class, () -> udp.outgoingDatagramStreamSend(connected.v1(), tooMany));
    }
    udp.dropUdpSocket(s);
  }

  @Test
  void stateErrors() {
    var udp = ctx.udpHost;
    Resource<UdpSocket> s = ok(ctx.udpCreateSocketHost.createUdpSocket(IpAddressFamily.IPV4));
    assertEquals(IpAddressFamily.IPV4, udp.udpSocketAddressFamily(s));
    assertErr(ErrorCode.NOT_IN_PROGRESS, udp.udpSocketFinishBind(s));
    assertErr(ErrorCode.INVALID_STATE, udp.udpSocketStream(s, Optional.empty()));
    assertErr(ErrorCode.INVALID_STATE, udp.udpSocketLocalAddress(s));
    assertErr(ErrorCode.NOT_SUPPORTED, udp.udpSocketUnicastHopLimit(s));
    assertErr(ErrorCode.INVALID_ARGUMENT, udp.udpSocketSetUnicastHopLimit(s, (byte) 0));
    assertErr(ErrorCode.INVALID_ARGUMENT, udp.udpSocketSetReceiveBufferSize(s, 0));
    ok(udp.udpSocketSetReceiveBufferSize(s, 65_536));
    assertTrue(ok(udp.udpSocketReceiveBufferSize(s)) >= 65_536);
    ok(udp.udpSocketStartBind(s, net, loopback(0)));
    assertErr(ErrorCode.INVALID_STATE, udp.udpSocketStartBind(s, net, loopback(0)));
    ok(udp.udpSocketFinishBind(s));
    assertErr(ErrorCode.INVALID_ARGUMENT, udp.udpSocketStream(s, Optional.of(loopback(0))));
    udp.dropUdpSocket(s);
  }
}
