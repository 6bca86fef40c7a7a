package dev.wasidl.wrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Linker;
import dev.wasidl.testkit.component.Guests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Session}s with spin-wat on a session server: calls one after another on one connection; a
 * call that fails (no such function, a trap) is answered with its reason and the session goes on; a
 * call past the client's timeout fails as a timeout; a peer sending a message longer than the
 * server's cap, or garbage, loses its connection and no one else does.
 */
@Timeout(120)
class SessionTest {
  private static final byte[] ANSWER = {42}; // u32 42, LEB128
  private static GraalRuntime runtime;
  private static Component spin;

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
    spin = Component.of("spin-wat", Guests.bytes("spin-wat.wasm"));
  }

  @AfterAll
  static void tearDown() {
    runtime.close();
  }

  private static byte[] invocation(String name) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(Framing.header("", name));
    b.writeBytes(Framing.frame(List.of(), new byte[0]));
    return b.toByteArray();
  }

  private static byte[] answer(Session s) throws IOException {
    try (InputStream in = s.call(invocation("answer"))) {
      return Framing.readFrame(in).data();
    }
  }

  @Test
  void callsFailuresAndHostilePeers() throws IOException {
    Path dir = Files.createTempDirectory("wasidl-session");
    UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("s.sock"));
    Linker linker = Linker.of(runtime).callTimeout(Duration.ofMillis(500));
    StringWriter log = new StringWriter();
    try (Server server =
        Server.startSessions(
            spin,
            () -> linker.instantiate(spin),
            address,
            ServerLimits.defaults().withMaxMessage(1024),
            new PrintWriter(log))) {
      assertEquals(address, server.localAddress());
      try (Session s = Session.open(address, Duration.ofSeconds(20))) {
        for (int i = 0; i < 100; i++) {
          assertArrayEquals(ANSWER, answer(s));
        }
        WrpcException none =
            assertThrows(WrpcException.class, () -> s.call(invocation("no-such-function")));
        assertTrue(none.getMessage().contains("no such function"), none.getMessage());
        WrpcException trap = assertThrows(WrpcException.class, () -> s.call(invocation("spin")));
        assertTrue(trap.getMessage().contains("the plugin trapped"), trap.getMessage());
        assertArrayEquals(ANSWER, answer(s), "the session goes on, on a fresh instance");
      }
      // a peer claiming a message past the cap, and one sending garbage, are cut off
      for (byte[] hostile :
          List.of(
              ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array(),
              new byte[] {0, 0, 0, 3, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})) {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
          c.connect(address);
          c.write(ByteBuffer.wrap(hostile));
          ByteBuffer reply = ByteBuffer.allocate(4096);
          int n = c.read(reply);
          // the garbage is answered with a failure (status 1) or the link closes; never a hang
          assertTrue(n == -1 || reply.get(0) == 1, "read " + n);
        }
      }
      try (Session s = Session.open(address, Duration.ofMillis(300))) {
        assertArrayEquals(ANSWER, answer(s), "others are served");
        // the client's own timeout: spin runs 500 ms before its trap, past the 300 ms
        assertThrows(SocketTimeoutException.class, () -> s.call(invocation("spin")));
        assertTrue(s.isBroken());
        assertThrows(IOException.class, () -> answer(s));
      }
      try (Session s = Session.open(address, Duration.ofSeconds(20))) {
        assertArrayEquals(ANSWER, answer(s));
      }
      assertTrue(log.toString().contains("a message of 2147483647 bytes"), log.toString());
    }
    assertEquals(List.of(), List.of(dir.toFile().list()), "closing the server removes its socket");
  }

  @Test
  void closingTheServerEndsItsOpenSessionsAtOnce() throws IOException {
    UnixDomainSocketAddress address =
        UnixDomainSocketAddress.of(Files.createTempDirectory("wasidl-session").resolve("s.sock"));
    Linker linker = Linker.of(runtime);
    Server server =
        Server.startSessions(
            spin,
            () -> linker.instantiate(spin),
            address,
            ServerLimits.defaults(),
            new PrintWriter(new StringWriter()));
    try (Session s = Session.open(address, Duration.ofSeconds(20))) {
      assertArrayEquals(ANSWER, answer(s));
      long start = System.nanoTime();
      server.close(); // the session holds the plugin's thread until it is cut
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 5_000, millis + " ms");
      assertThrows(IOException.class, () -> answer(s));
    }
  }

  @Test
  void aSessionNeedsAUnixDomainSocket() {
    assertThrows(
        IOException.class,
        () ->
            Session.open(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 1), Duration.ofSeconds(1)));
  }
}
