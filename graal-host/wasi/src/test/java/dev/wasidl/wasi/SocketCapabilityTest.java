package dev.wasidl.wasi;

import static dev.wasidl.wasi.SocketTesting.assertErr;
import static dev.wasidl.wasi.SocketTesting.ctx;
import static dev.wasidl.wasi.SocketTesting.loopback;
import static dev.wasidl.wasi.SocketTesting.ok;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wasidl.bindings.Resource;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddressFamily;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.Network_;
import dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * Without {@link WasiConfig#allowNet()} nothing reaches the network: every use is access-denied.
 */
class SocketCapabilityTest {
  private final WasiCtx ctx = ctx(false);
  private final Resource<Network_> net = ctx.instanceNetworkHost.instanceNetwork();

  @Test
  void defaultConfigDeniesTheNetwork() {
    assertFalse(WasiConfig.builder().build().allowNet());
  }

  @Test
  void tcpBindAndConnectAreDenied() throws Exception {
    Resource<TcpSocket> s = ok(ctx.tcpCreateSocketHost.createTcpSocket(IpAddressFamily.IPV4));
    assertErr(ErrorCode.ACCESS_DENIED, ctx.tcpHost.tcpSocketStartBind(s, net, loopback(0)));
    try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertErr(
          ErrorCode.ACCESS_DENIED,
          ctx.tcpHost.tcpSocketStartConnect(s, net, loopback(ss.getLocalPort())));
    }
    // nothing happened: the socket is still unbound
    assertErr(ErrorCode.INVALID_STATE, ctx.tcpHost.tcpSocketStartListen(s));
    assertErr(ErrorCode.INVALID_STATE, ctx.tcpHost.tcpSocketLocalAddress(s));
    ctx.tcpHost.dropTcpSocket(s);
  }

  @Test
  void nameLookupIsDenied() {
    assertErr(ErrorCode.ACCESS_DENIED, ctx.ipNameLookupHost.resolveAddresses(net, "localhost"));
    assertErr(ErrorCode.ACCESS_DENIED, ctx.ipNameLookupHost.resolveAddresses(net, "127.0.0.1"));
  }

  @Test
  void udpBindIsDenied() {
    var s = ok(ctx.udpCreateSocketHost.createUdpSocket(IpAddressFamily.IPV4));
    assertErr(ErrorCode.ACCESS_DENIED, ctx.udpHost.udpSocketStartBind(s, net, loopback(0)));
    ctx.udpHost.dropUdpSocket(s);
  }
}
