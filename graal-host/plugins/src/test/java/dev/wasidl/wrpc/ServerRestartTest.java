package dev.wasidl.wrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Linker;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A served plugin that traps is instantiated again, so one hostile request cannot take the service
 * down: spin-wat's {@code spin} never ends, the linker's {@code callTimeout} turns it into a trap,
 * and the next call runs on a fresh instance.
 */
class ServerRestartTest {
  private static final byte[] ANSWER = {42}; // u32 42, LEB128
  private static GraalRuntime runtime;
  private static Component spin;

  @BeforeAll
  static void setUp() throws IOException {
    runtime = GraalRuntime.create();
    try (InputStream in = ServerRestartTest.class.getResourceAsStream("/guests/spin-wat.wasm")) {
      spin = Component.of("spin-wat", in.readAllBytes());
    }
  }

  @AfterAll
  static void tearDown() {
    runtime.close();
  }

  /** Calls the root function {@code name} without parameters; the results' bytes. */
  private static byte[] call(Server server, String name) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(server.address(), 10_000);
      s.setSoTimeout(30_000);
      OutputStream out = new BufferedOutputStream(s.getOutputStream());
      out.write(Framing.header("", name));
      out.write(Framing.frame(List.of(), new byte[0]));
      out.flush();
      s.shutdownOutput();
      InputStream in = s.getInputStream();
      Frame f = Framing.readFrame(in);
      if (f == null) {
        throw new EOFException("the server closed the connection without a result");
      }
      return f.data();
    }
  }

  @Test
  void aCallThatNeverEndsTrapsAndTheNextCallRunsOnAFreshInstance() throws IOException {
    AtomicInteger made = new AtomicInteger();
    Linker linker = Linker.of(runtime).callTimeout(Duration.ofMillis(300));
    StringWriter log = new StringWriter();
    try (Server server =
        Server.start(
            spin,
            () -> {
              made.incrementAndGet();
              return linker.instantiate(spin);
            },
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            ServerLimits.defaults().withDeadline(Duration.ofSeconds(20)),
            new PrintWriter(log))) {
      assertArrayEquals(ANSWER, call(server, "answer"));
      for (int i = 0; i < 3; i++) {
        // the connection ends without results; the server answers the next call
        assertThrows(
            EOFException.class,
            () -> assertTimeoutPreemptively(Duration.ofSeconds(20), () -> call(server, "spin")));
        assertArrayEquals(ANSWER, call(server, "answer"));
      }
      assertEquals(4, made.get());
      assertTrue(
          log.toString()
              .contains(
                  "instantiating the plugin again: it trapped: call of spin in spin-wat ran longer"
                      + " than its time limit of 300 ms"),
          log.toString());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
