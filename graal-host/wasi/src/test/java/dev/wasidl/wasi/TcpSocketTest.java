package dev.wasidl.wasi;

import static dev.wasidl.wasi.SocketTesting.assertErr;
import static dev.wasidl.wasi.SocketTesting.block;
import static dev.wasidl.wasi.SocketTesting.ctx;
import static dev.wasidl.wasi.SocketTesting.in;
import static dev.wasidl.wasi.SocketTesting.ipv4;
import static dev.wasidl.wasi.SocketTesting.loopback;
import static dev.wasidl.wasi.SocketTesting.ok;
import static dev.wasidl.wasi.SocketTesting.out;
import static dev.wasidl.wasi.SocketTesting.port;
import static dev.wasidl.wasi.SocketTesting.readN;
import static dev.wasidl.wasi.SocketTesting.readToEnd;
import static dev.wasidl.wasi.SocketTesting.writeAll;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Tuple2;
import dev.wasidl.bindings.Tuple3;
import dev.wasidl.bindings.Tuple8;
import dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable;
import dev.wasidl.wasi.bindings.wasi.io.Streams.InputStream;
import dev.wasidl.wasi.bindings.wasi.io.Streams.OutputStream;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpAddressFamily;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.IpSocketAddress;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.Ipv6SocketAddress;
import dev.wasidl.wasi.bindings.wasi.sockets.Network.Network_;
import dev.wasidl.wasi.bindings.wasi.sockets.Tcp.ShutdownType;
import dev.wasidl.wasi.bindings.wasi.sockets.Tcp.TcpSocket;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * wasi:sockets/tcp through the generated host interfaces on a real {@link WasiCtx}, against real
 * loopback connections with plain {@link java.net} peers.
 */
class TcpSocketTest {
  private final WasiCtx ctx = ctx(true);
  private final Resource<Network_> net = ctx.instanceNetworkHost.instanceNetwork();

  @AfterEach
  void dropNetwork() {
    ctx.networkHost.dropNetwork(net);
  }

  private Resource<TcpSocket> create() {
    return ok(ctx.tcpCreateSocketHost.createTcpSocket(IpAddressFamily.IPV4));
  }

  /** A listening guest socket on 127.0.0.1 and an ephemeral port. */
  private Resource<TcpSocket> listener() {
    Resource<TcpSocket> s = create();
    ok(ctx.tcpHost.tcpSocketStartBind(s, net, loopback(0)));
    ok(ctx.tcpHost.tcpSocketFinishBind(s));
    ok(ctx.tcpHost.tcpSocketStartListen(s));
    ok(ctx.tcpHost.tcpSocketFinishListen(s));
    return s;
  }

  private Tuple3<Resource<TcpSocket>, Resource<InputStream>, Resource<OutputStream>> accept(
      Resource<TcpSocket> listener) {
    Resource<Pollable> p = ctx.tcpHost.tcpSocketSubscribe(listener);
    block(ctx, p);
    ctx.table().delete(p);
    return ok(ctx.tcpHost.tcpSocketAccept(listener));
  }

  @Test
  void guestServerEchoesJavaClient() throws Exception {
    Resource<TcpSocket> server = listener();
    assertTrue(ctx.tcpHost.tcpSocketIsListening(server));
    IpSocketAddress local = ok(ctx.tcpHost.tcpSocketLocalAddress(server));
    int port = port(local);
    assertTrue(port > 0);
    assertEquals(loopback(port), local);

    Resource<Pollable> acceptable = ctx.tcpHost.tcpSocketSubscribe(server);
    assertFalse(ctx.table().get(acceptable, HostPollable.class).ready(), "no client yet");
    assertErr(ErrorCode.WOULD_BLOCK, ctx.tcpHost.tcpSocketAccept(server));

    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
      block(ctx, acceptable);
      var accepted = ok(ctx.tcpHost.tcpSocketAccept(server));
      Resource<TcpSocket> conn = accepted.v0();
      assertFalse(ctx.tcpHost.tcpSocketIsListening(conn));
      assertEquals(IpAddressFamily.IPV4, ctx.tcpHost.tcpSocketAddressFamily(conn));
      assertEquals(loopback(client.getLocalPort()), ok(ctx.tcpHost.tcpSocketRemoteAddress(conn)));
      assertEquals(local, ok(ctx.tcpHost.tcpSocketLocalAddress(conn)));

      HostInputStream in = in(ctx, accepted.v1());
      HostOutputStream out = out(ctx, accepted.v2());
      assertFalse(in.pollable().ready(), "nothing sent yet");
      assertEquals(0, in.read(100).length);

      byte[] hello = "hello, wasi sockets".getBytes(UTF_8);
      client.getOutputStream().write(hello);
      byte[] got = readN(in, hello.length);
      assertArrayEquals(hello, got);
      writeAll(out, got);
      assertArrayEquals(hello, client.getInputStream().readNBytes(hello.length));

      // A bigger echo than one check-write permit, both ways at once.
      byte[] big = new byte[1 << 20];
      for (int i = 0; i < big.length; i++) {
        big[i] = (byte) (i * 31 + 7);
      }
      CompletableFuture<byte[]> back =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  client.getOutputStream().write(big);
                  return client.getInputStream().readNBytes(big.length);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      int echoed = 0;
      while (echoed < big.length) {
        byte[] chunk = readN(in, Math.min(8192, big.length - echoed));
        writeAll(out, chunk);
        echoed += chunk.length;
      }
      assertArrayEquals(big, back.get(20, TimeUnit.SECONDS));

      client.shutdownOutput();
      assertEquals(0, readToEnd(in).length);
      assertThrows(EOFException.class, () -> in.read(1));

      ok(ctx.tcpHost.tcpSocketShutdown(conn, ShutdownType.SEND));
      ok(ctx.tcpHost.tcpSocketShutdown(conn, ShutdownType.SEND)); // idempotent
      assertThrows(EOFException.class, out::checkWrite);
      assertEquals(-1, client.getInputStream().read(), "the guest's FIN reached the client");

      ctx.table().delete(accepted.v1());
      ctx.table().delete(accepted.v2());
      ctx.tcpHost.dropTcpSocket(conn);
    }
    ctx.table().delete(acceptable);
    ctx.tcpHost.dropTcpSocket(server);
  }

  @Test
  void guestClientTalksToJavaEchoServer() throws Exception {
    try (ServerSocket ss = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> echo =
          CompletableFuture.runAsync(
              () -> {
                try (Socket peer = ss.accept()) {
                  peer.getInputStream().transferTo(peer.getOutputStream());
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      Resource<TcpSocket> s = create();
      ok(ctx.tcpHost.tcpSocketStartConnect(s, net, loopback(ss.getLocalPort())));
      assertErr(
          ErrorCode.INVALID_STATE,
          ctx.tcpHost.tcpSocketStartConnect(s, net, loopback(ss.getLocalPort())));
      Resource<Pollable> p = ctx.tcpHost.tcpSocketSubscribe(s);
      block(ctx, p);
      Tuple2<Resource<InputStream>, Resource<OutputStream>> streams =
          ok(ctx.tcpHost.tcpSocketFinishConnect(s));
      assertErr(ErrorCode.NOT_IN_PROGRESS, ctx.tcpHost.tcpSocketFinishConnect(s));
      assertEquals(loopback(ss.getLocalPort()), ok(ctx.tcpHost.tcpSocketRemoteAddress(s)));
      IpSocketAddress local = ok(ctx.tcpHost.tcpSocketLocalAddress(s));
      assertTrue(port(local) > 0, "connect bound the socket implicitly");

      HostInputStream in = in(ctx, streams.v0());
      HostOutputStream out = out(ctx, streams.v1());
      byte[] msg = "ping from the guest".getBytes(UTF_8);
      writeAll(out, msg);
      assertArrayEquals(msg, readN(in, msg.length));

      ok(ctx.tcpHost.tcpSocketShutdown(s, ShutdownType.SEND));
      assertEquals(0, readToEnd(in).length, "the server closed after our FIN");
      echo.get(10, TimeUnit.SECONDS);

      ctx.table().delete(p);
      ctx.table().delete(streams.v0());
      ctx.table().delete(streams.v1());
      ctx.tcpHost.dropTcpSocket(s);
    }
  }

  @Test
  void explicitlyBoundClientConnectsFromItsAddress() throws Exception {
    try (ServerSocket ss = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Resource<TcpSocket> s = create();
      ok(ctx.tcpHost.tcpSocketStartBind(s, net, loopback(0)));
      ok(ctx.tcpHost.tcpSocketFinishBind(s));
      int localPort = port(ok(ctx.tcpHost.tcpSocketLocalAddress(s)));
      ok(ctx.tcpHost.tcpSocketStartConnect(s, net, loopback(ss.getLocalPort())));
      try (Socket peer = ss.accept()) {
        block(ctx, ctx.tcpHost.tcpSocketSubscribe(s));
        ok(ctx.tcpHost.tcpSocketFinishConnect(s));
        assertEquals(localPort, peer.getPort());
      }
      ctx.tcpHost.dropTcpSocket(s);
    }
  }

  @Test
  void connectionRefusedClosesTheSocket() throws Exception {
    int port;
    try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = ss.getLocalPort();
    }
    Resource<TcpSocket> s = create();
    var started = ctx.tcpHost.tcpSocketStartConnect(s, net, loopback(port));
    if (started.isOk()) {
      block(ctx, ctx.tcpHost.tcpSocketSubscribe(s));
      assertErr(ErrorCode.CONNECTION_REFUSED, ctx.tcpHost.tcpSocketFinishConnect(s));
    } else {
      assertErr(ErrorCode.CONNECTION_REFUSED, started);
    }
    // closed: the only thing left is to drop it
    assertErr(ErrorCode.INVALID_STATE, ctx.tcpHost.tcpSocketStartConnect(s, net, loopback(port)));
    assertErr(ErrorCode.INVALID_STATE, ctx.tcpHost.tcpSocketLocalAddress(s));
    assertTrue(ctx.table().get(ctx.tcpHost.tcpSocketSubscribe(s), HostPollable.class).ready());
    ctx.tcpHost.dropTcpSocket(s);
  }

  @Test
  void stateMachineErrors() {
    Resource<TcpSocket> s = create();
    var tcp = ctx.tcpHost;
    // unbound
    assertErr(ErrorCode.NOT_IN_PROGRESS, tcp.tcpSocketFinishBind(s));
    assertErr(ErrorCode.NOT_IN_PROGRESS, tcp.tcpSocketFinishConnect(s));
    assertErr(ErrorCode.NOT_IN_PROGRESS, tcp.tcpSocketFinishListen(s));
    assertErr(ErrorCode.INVALID_STATE, tcp.tcpSocketStartListen(s));
    assertErr(ErrorCode.INVALID_STATE, tcp.tcpSocketAccept(s));
    assertErr(ErrorCode.INVALID_STATE, tcp.tcpSocketLocalAddress(s));
    assertErr(ErrorCode.INVALID_STATE, tcp.tcpSocketRemoteAddress(s));
    assertErr(ErrorCode.INVALID_STATE, tcp.tcpSocketShutdown(s, ShutdownType.BOTH));
    assertErr(ErrorCode.INVALID_ARGUMENT, tcp.tcpSocketSetListenBacklogSize(s, 0));
    ok(tcp.tcpSocketSetListenBacklogSize(s, 5));
    assertFalse(tcp.tcpSocketIsListening(s));
    assertTrue(ctx.table().get(tcp.tcpSocketSubscribe(s), HostPollable.class).ready());

    // arguments
    IpSocketAddress v6 =
        new IpSocketAddress.Ipv6(
            new Ipv6SocketAddress(
                (short) 0,
                0,
                new Tuple8<>(
                    (short) 0, (short) 0, (short) 0, (short) 0, (short) 0, (short) 0, (short) 0,
                    (short) 1),
                0));
    assertErr(ErrorCode.INVALID_ARGUMENT, tcp.tcpSocketStartBind(s, net, v6));
    assertErr(ErrorCode.INVALID_ARGUMENT, tcp.tcpSocketStartBind(s, net, ipv4(224, 0, 0, 1, 0)));
    assertErr(ErrorCode.INVALID_ARGUMENT, tcp.tcpSocketStartConnect(s, net, loopback(0)));
    assertErr(ErrorCode.INVALID_ARGUMENT, tcp.tcpSocketStartConnect(s, net, ipv4(0, 0, 0, 0, 80)));

    // bind, then bind again
    ok(tcp.tcpSocketStartBind(s, net, loopback(0)));
    assertErr(ErrorCode.INVALID_STATE, tcp.tcpSocketStartBind(s, net, loopback(0)));
    assertErr(ErrorCode.INVALID_STATE, tcp.tcpSocketLocalAddress(s));
    ok(tcp.tcpSocketFinishBind(s));
    assertErr(ErrorCode.NOT_IN_PROGRESS, tcp.tcpSocketFinishBind(s));
    assertErr(ErrorCode.INVALID_STATE, tcp.tcpSocketStartBind(s, net, loopback(0)));
    assertErr(ErrorCode.INVALID_STATE, tcp.tcpSocketRemoteAddress(s));

    // listen
    ok(tcp.tcpSocketStartListen(s));
    assertFalse(tcp.tcpSocketIsListening(s));
    assertErr(ErrorCode.INVALID_STATE, tcp.tcpSocketStartListen(s));
    assertErr(ErrorCode.INVALID_STATE, tcp.tcpSocketAccept(s));
    ok(tcp.tcpSocketFinishListen(s));
    assertTrue(tcp.tcpSocketIsListening(s));
    assertErr(ErrorCode.NOT_IN_PROGRESS, tcp.tcpSocketFinishListen(s));
    assertErr(ErrorCode.INVALID_STATE, tcp.tcpSocketStartListen(s));
    assertErr(ErrorCode.INVALID_STATE, tcp.tcpSocketStartConnect(s, net, loopback(9)));
    assertErr(ErrorCode.WOULD_BLOCK, tcp.tcpSocketAccept(s));
    assertErr(ErrorCode.INVALID_STATE, tcp.tcpSocketShutdown(s, ShutdownType.RECEIVE));
    assertErr(ErrorCode.NOT_SUPPORTED, tcp.tcpSocketSetListenBacklogSize(s, 10));
    tcp.dropTcpSocket(s);
  }

  @Test
  void bindToAnAddressInUse() throws Exception {
    Resource<TcpSocket> first = listener();
    int port = port(ok(ctx.tcpHost.tcpSocketLocalAddress(first)));
    Resource<TcpSocket> second = create();
    assertErr(
        ErrorCode.ADDRESS_IN_USE, ctx.tcpHost.tcpSocketStartBind(second, net, loopback(port)));
    // a failed bind leaves the socket unbound: it may bind again
    ok(ctx.tcpHost.tcpSocketStartBind(second, net, loopback(0)));
    ctx.tcpHost.dropTcpSocket(second);
    ctx.tcpHost.dropTcpSocket(first);
  }

  @Test
  void optionsAndInheritance() throws Exception {
    var tcp = ctx.tcpHost;
    Resource<TcpSocket> s = create();
    ok(tcp.tcpSocketSetKeepAliveEnabled(s, true));
    assertTrue(ok(tcp.tcpSocketKeepAliveEnabled(s)));
    ok(tcp.tcpSocketSetReceiveBufferSize(s, 64 * 1024));
    assertTrue(ok(tcp.tcpSocketReceiveBufferSize(s)) >= 64 * 1024);
    ok(tcp.tcpSocketSetSendBufferSize(s, 32 * 1024));
    assertTrue(ok(tcp.tcpSocketSendBufferSize(s)) > 0);
    assertErr(ErrorCode.INVALID_ARGUMENT, tcp.tcpSocketSetReceiveBufferSize(s, 0));
    assertErr(ErrorCode.INVALID_ARGUMENT, tcp.tcpSocketSetKeepAliveIdleTime(s, 0));
    assertErr(ErrorCode.INVALID_ARGUMENT, tcp.tcpSocketSetKeepAliveCount(s, 0));
    assertErr(ErrorCode.INVALID_ARGUMENT, tcp.tcpSocketSetHopLimit(s, (byte) 0));
    assertErr(ErrorCode.NOT_SUPPORTED, tcp.tcpSocketHopLimit(s));
    boolean keepIdle = TcpOptions.extended(TcpOptions.KEEP_IDLE).isPresent();
    if (keepIdle) {
      ok(tcp.tcpSocketSetKeepAliveIdleTime(s, 1_500_000_000L)); // rounds up to 2 s
      assertEquals(2_000_000_000L, ok(tcp.tcpSocketKeepAliveIdleTime(s)));
      ok(tcp.tcpSocketSetKeepAliveInterval(s, 3_000_000_000L));
      assertEquals(3_000_000_000L, ok(tcp.tcpSocketKeepAliveInterval(s)));
      ok(tcp.tcpSocketSetKeepAliveCount(s, 4));
      assertEquals(4, ok(tcp.tcpSocketKeepAliveCount(s)));
    } else {
      assertErr(ErrorCode.NOT_SUPPORTED, tcp.tcpSocketKeepAliveIdleTime(s));
    }

    ok(tcp.tcpSocketStartBind(s, net, loopback(0)));
    ok(tcp.tcpSocketFinishBind(s));
    ok(tcp.tcpSocketStartListen(s));
    ok(tcp.tcpSocketFinishListen(s));
    assertTrue(ok(tcp.tcpSocketKeepAliveEnabled(s)), "listener keeps its options");
    int port = port(ok(tcp.tcpSocketLocalAddress(s)));
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
      var accepted = accept(s);
      assertTrue(client.isConnected());
      assertTrue(ok(tcp.tcpSocketKeepAliveEnabled(accepted.v0())), "inherited keep-alive");
      if (keepIdle) {
        assertEquals(2_000_000_000L, ok(tcp.tcpSocketKeepAliveIdleTime(accepted.v0())));
        assertEquals(4, ok(tcp.tcpSocketKeepAliveCount(accepted.v0())));
      }
      tcp.dropTcpSocket(accepted.v0());
    }
    tcp.dropTcpSocket(s);
  }

  private static boolean machineHasIpv6Loopback() {
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.ofLiteral("::1"), 0));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void ipv6LoopbackEcho() throws Exception {
    Resource<TcpSocket> s = ok(ctx.tcpCreateSocketHost.createTcpSocket(IpAddressFamily.IPV6));
    assertEquals(IpAddressFamily.IPV6, ctx.tcpHost.tcpSocketAddressFamily(s));
    IpSocketAddress v6Loopback =
        new IpSocketAddress.Ipv6(
            new Ipv6SocketAddress(
                (short) 0,
                0,
                new Tuple8<>(
                    (short) 0, (short) 0, (short) 0, (short) 0, (short) 0, (short) 0, (short) 0,
                    (short) 1),
                0));
    // Skipped only where the machine itself has no ::1 (checked with plain Java, so a bind failure
    // of our host still fails the test).
    org.junit.jupiter.api.Assumptions.assumeTrue(machineHasIpv6Loopback(), "no IPv6 loopback here");
    ok(ctx.tcpHost.tcpSocketStartBind(s, net, v6Loopback));
    ok(ctx.tcpHost.tcpSocketFinishBind(s));
    ok(ctx.tcpHost.tcpSocketStartListen(s));
    ok(ctx.tcpHost.tcpSocketFinishListen(s));
    int port = port(ok(ctx.tcpHost.tcpSocketLocalAddress(s)));
    try (Socket client = new Socket()) {
      client.connect(new InetSocketAddress(InetAddress.ofLiteral("::1"), port));
      var accepted = accept(s);
      IpSocketAddress remote = ok(ctx.tcpHost.tcpSocketRemoteAddress(accepted.v0()));
      assertTrue(remote instanceof IpSocketAddress.Ipv6);
      assertEquals(client.getLocalPort(), port(remote));
      byte[] msg = "over ::1".getBytes(UTF_8);
      client.getOutputStream().write(msg);
      writeAll(out(ctx, accepted.v2()), readN(in(ctx, accepted.v1()), msg.length));
      assertArrayEquals(msg, client.getInputStream().readNBytes(msg.length));
      // An IPv4-mapped address is refused on an IPv6 socket.
      IpSocketAddress mapped =
          new IpSocketAddress.Ipv6(
              new Ipv6SocketAddress(
                  (short) port,
                  0,
                  new Tuple8<>(
                      (short) 0,
                      (short) 0,
                      (short) 0,
                      (short) 0,
                      (short) 0,
                      (short) 0xffff,
                      (short) 0x7f00,
                      (short) 1),
                  0));
      Resource<TcpSocket> other = ok(ctx.tcpCreateSocketHost.createTcpSocket(IpAddressFamily.IPV6));
      assertErr(ErrorCode.INVALID_ARGUMENT, ctx.tcpHost.tcpSocketStartConnect(other, net, mapped));
      ctx.tcpHost.dropTcpSocket(other);
      ctx.tcpHost.dropTcpSocket(accepted.v0());
    }
    ctx.tcpHost.dropTcpSocket(s);
  }

  @Test
  void droppedSocketStillSendsWhatIsPending() throws Exception {
    Resource<TcpSocket> server = listener();
    int port = port(ok(ctx.tcpHost.tcpSocketLocalAddress(server)));
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
      var accepted = accept(server);
      HostOutputStream out = out(ctx, accepted.v2());
      byte[] all = new byte[4 << 20];
      Arrays.fill(all, (byte) 'x');
      int off = 0;
      // write until the kernel's buffers are full, without reading at the client
      while (off < all.length && out.checkWrite() > 0) {
        int n = (int) Math.min(out.checkWrite(), all.length - off);
        out.write(Arrays.copyOfRange(all, off, off + n));
        off += n;
      }
      assertEquals(0, out.checkWrite(), "the client does not read: writes are pending");
      assertFalse(out.pollable().ready());
      ctx.table().delete(accepted.v1());
      ctx.table().delete(accepted.v2());
      ctx.tcpHost.dropTcpSocket(accepted.v0());
      byte[] got = client.getInputStream().readAllBytes();
      assertEquals(off, got.length, "everything written arrived before the FIN");
    }
    ctx.tcpHost.dropTcpSocket(server);
  }

  @Test
  void blockingReadWaitsAndShutdownReceiveEndsTheStream() throws Exception {
    Resource<TcpSocket> server = listener();
    int port = port(ok(ctx.tcpHost.tcpSocketLocalAddress(server)));
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
      var accepted = accept(server);
      HostInputStream in = in(ctx, accepted.v1());
      byte[] late = "late bytes".getBytes(UTF_8);
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  Thread.sleep(200);
                  client.getOutputStream().write(late);
                } catch (IOException | InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      long start = System.nanoTime();
      byte[] got = in.blockingRead(late.length);
      assertTrue(System.nanoTime() - start >= 100_000_000L, "blocking-read waited for the bytes");
      assertTrue(got.length > 0);
      byte[] rest = readN(in, late.length - got.length);
      byte[] all = new byte[late.length];
      System.arraycopy(got, 0, all, 0, got.length);
      System.arraycopy(rest, 0, all, got.length, rest.length);
      assertArrayEquals(late, all);
      writer.get(10, TimeUnit.SECONDS);

      ok(ctx.tcpHost.tcpSocketShutdown(accepted.v0(), ShutdownType.RECEIVE));
      assertTrue(in.pollable().ready());
      assertThrows(EOFException.class, () -> in.read(10));
      assertThrows(EOFException.class, () -> in.blockingRead(10));
      // the send side still works
      byte[] msg = "still open".getBytes(UTF_8);
      writeAll(out(ctx, accepted.v2()), msg);
      assertArrayEquals(msg, client.getInputStream().readNBytes(msg.length));
      ctx.tcpHost.dropTcpSocket(accepted.v0());
      // the streams outlive a dropped socket only as closed streams
      assertThrows(EOFException.class, () -> out(ctx, accepted.v2()).checkWrite());
    }
    ctx.tcpHost.dropTcpSocket(server);
  }
}
