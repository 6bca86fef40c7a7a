package dev.wasidl.keyvalue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.wrpc.Framing;
import dev.wasidl.wrpc.Server;
import dev.wasidl.wrpc.ServerLimits;
import dev.wasidl.wrpc.WrpcException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, reproduction 5: large and malformed messages to {@code wasidl serve}, played for real
 * on loopback against kv-memory-c. Uploads in tiny frames decode in one pass (CPU and heap bounded
 * generously, not timed to the millisecond); lengths past the limit are refused at their prefix; a
 * client that leaves mid-upload stops the work; a real client is served throughout.
 */
class WrpcLargeMessagesTest {
  private static final int MIB = 1 << 20;
  private static GraalRuntime runtime;

  @BeforeAll
  static void runtime() {
    runtime = GraalRuntime.create();
  }

  @AfterAll
  static void closeRuntime() {
    runtime.close();
  }

  /** The value's byte at {@code i}: regenerated to check, never held by the uploader. */
  private static byte valueByte(long i) {
    return (byte) (i * 31 + (i >>> 11));
  }

  /**
   * Sends a bucket.set of {@code length} bytes, the value in frames of {@code frame} bytes, {@code
   * stopAfter} value bytes at most (then leaves with a reset), and returns the results' bytes.
   */
  private static byte[] upload(
      InetSocketAddress a, byte[] handle, String key, int length, int frame, int stopAfter)
      throws IOException {
    try (Socket s = new Socket(a.getAddress(), a.getPort())) {
      s.setSoTimeout(60_000);
      OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
      out.write(Framing.header(WireClient.STORE, "bucket.set"));
      out.write(Framing.frame(List.of(), WireClient.setPrefix(handle, key, length)));
      byte[] chunk = new byte[frame];
      for (int off = 0; off < Math.min(length, stopAfter); off += frame) {
        int n = Math.min(frame, length - off);
        for (int j = 0; j < n; j++) {
          chunk[j] = valueByte(off + j);
        }
        out.write(0); // root path
        out.write(n); // n < 128: one LEB128 byte
        out.write(chunk, 0, n);
      }
      out.flush();
      if (stopAfter < length) {
        s.setSoLinger(true, 0);
        return new byte[0];
      }
      s.shutdownOutput();
      return WireClient.results(s.getInputStream());
    }
  }

  private static void assertValue(byte[] value, int length) {
    assertEquals(length, value.length);
    for (int i = 0; i < length; i++) {
      if (value[i] != valueByte(i)) {
        throw new AssertionError("byte " + i + " differs");
      }
    }
  }

  /**
   * The server runs in a JVM of its own with a 768 MiB heap, so its CPU time and peak RSS are its
   * own, and holding the value as one object per byte (as it did: over 1.5 GB) could not fit.
   */
  @Test
  void a64MiBUploadInTinyFramesIsLinearWhileARealClientIsServed(@TempDir Path dir)
      throws Exception {
    int length = 64 * MIB;
    Path plugin = dir.resolve("kv-memory-c.wasm");
    Files.write(plugin, KeyValueHostTest.guest("kv-memory-c.wasm"));
    // room for the 64 MiB value and its handle and key
    try (ServeProcess served =
        ServeProcess.startWith(
            List.of("-Xmx768m"),
            plugin,
            "--max-message",
            String.valueOf(65 * MIB),
            "--timeout",
            "120")) {
      InetSocketAddress a = served.address();
      byte[] handle = WireClient.open(a, "app");
      WireClient.roundTrip(a, "warm-up");
      long cpu0 = served.cpuNanos();
      long wall0 = System.nanoTime();
      CompletableFuture<byte[]> big =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return upload(a, handle, "big", length, 64, Integer.MAX_VALUE);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      int answered = 0;
      for (int i = 0; i < 600 && !big.isDone(); i++) {
        WireClient.roundTrip(a, "during-" + i);
        answered++;
        Thread.sleep(100);
      }
      assertArrayEquals(
          new byte[] {0}, big.get(120, TimeUnit.SECONDS), "set: ok\n" + served.stderr());
      long cpu = served.cpuNanos() - cpu0;
      long wall = System.nanoTime() - wall0;
      long rss = served.peakRss();
      System.out.printf(
          "FIGURES 64 MiB bucket.set in 64-byte frames (1 Mi frames), server JVM at -Xmx768m:"
              + " server CPU %s, wall %s, server peak RSS %s; %d real round trips answered during"
              + " it%n",
          KvServer.seconds(cpu), KvServer.seconds(wall), KvServer.mib(rss), answered);
      assertTrue(answered >= 1, "no real client was served during the upload");
      assertTrue(cpu < Duration.ofSeconds(20).toNanos(), "CPU " + KvServer.seconds(cpu));
      assertValue(WireClient.get(a, handle, "big"), length);
      WireClient.roundTrip(a, "after");
    }
  }

  @Test
  void aValuePastTheMessageLimitIsRefusedAtItsLengthPrefix() throws Exception {
    StringWriter log = new StringWriter();
    try (Server server = KvServer.serve(runtime, log, ServerLimits.defaults())) {
      InetSocketAddress a = server.address();
      byte[] handle = WireClient.open(a, "app");
      long cpu0 = KvServer.processCpuNanos();
      // 64 MiB does not fit the default 64 MiB message with its handle and key: refused as soon
      // as its length prefix arrives, not after the bytes.
      assertThrows(
          IOException.class, () -> upload(a, handle, "big", 64 * MIB, 64, Integer.MAX_VALUE));
      long cpu = KvServer.processCpuNanos() - cpu0;
      String lines = log.toString();
      assertTrue(
          lines.contains(
              "#bucket.set: a length of 67108864 bytes takes the message past"
                  + " its limit of 67108864 bytes"),
          lines);
      assertTrue(cpu < Duration.ofSeconds(20).toNanos(), "CPU " + KvServer.seconds(cpu));
      assertEquals(null, WireClient.get(a, handle, "big"), "nothing was stored");
      WireClient.roundTrip(a, "after");
    }
  }

  @Test
  void uploadsPastTheServerWideBudgetAreRefused() throws Exception {
    StringWriter log = new StringWriter();
    ServerLimits limits = ServerLimits.defaults().withMaxInFlight(MIB);
    try (Server server = KvServer.serve(runtime, log, limits)) {
      InetSocketAddress a = server.address();
      byte[] handle = WireClient.open(a, "app");
      // 4 MiB fits the message limit but not what all requests together may hold.
      assertThrows(
          IOException.class, () -> upload(a, handle, "big", 4 * MIB, 64, Integer.MAX_VALUE));
      String lines = log.toString();
      assertTrue(
          lines.contains(
              WireClient.STORE
                  + "#bucket.set: the server's budget of 1048576"
                  + " bytes for requests in flight is used up"),
          lines);
      KvServer.awaitIdle(server);
      assertEquals(0, server.bytesInFlight(), "the refused request's bytes are given back");
      assertEquals(null, WireClient.get(a, handle, "big"), "nothing was stored");
      WireClient.roundTrip(a, "after");
    }
  }

  @Test
  void oneByteFramesAreNoLongerQuadratic() throws Exception {
    int length = 192 << 10;
    StringWriter log = new StringWriter();
    try (Server server = KvServer.serve(runtime, log, ServerLimits.defaults())) {
      InetSocketAddress a = server.address();
      byte[] handle = WireClient.open(a, "app");
      long cpu0 = KvServer.processCpuNanos();
      assertArrayEquals(new byte[] {0}, upload(a, handle, "k", length, 1, Integer.MAX_VALUE));
      long cpu = KvServer.processCpuNanos() - cpu0;
      System.out.printf(
          "FIGURES 192 KiB in 1-byte frames: process CPU %s%n", KvServer.seconds(cpu));
      // It cost 31 s of CPU when each frame re-decoded the message so far.
      assertTrue(cpu < Duration.ofSeconds(5).toNanos(), "CPU " + KvServer.seconds(cpu));
      assertValue(WireClient.get(a, handle, "k"), length);
    }
  }

  @Test
  void lengthPrefixesPastTheLimitAreClearErrors() throws Exception {
    // 2^63 as a frame length: was IllegalArgumentException: len < 0
    byte[] frame = HexFormat.of().parseHex("00" + "80808080808080808001");
    WrpcException e =
        assertThrows(WrpcException.class, () -> Framing.readFrame(new ByteArrayInputStream(frame)));
    assertEquals(
        "a frame of 9223372036854775808 bytes exceeds the limit of 67108864 bytes", e.getMessage());
    StringWriter log = new StringWriter();
    try (Server server = KvServer.serve(runtime, log, ServerLimits.defaults())) {
      InetSocketAddress a = server.address();
      // the same as the root frame of a call's parameters
      try (Socket s = new Socket(a.getAddress(), a.getPort())) {
        s.getOutputStream().write(Framing.header(WireClient.STORE, "open"));
        s.getOutputStream().write(frame);
        s.shutdownOutput();
        assertEquals(-1, s.getInputStream().read(), "no result");
      }
      // a string claiming 2^32 - 1 bytes in a 6-byte frame
      try (Socket s = new Socket(a.getAddress(), a.getPort())) {
        s.getOutputStream().write(Framing.header(WireClient.STORE, "open"));
        s.getOutputStream()
            .write(Framing.frame(List.of(), HexFormat.of().parseHex("ffffffff0f61")));
        s.shutdownOutput();
        assertEquals(-1, s.getInputStream().read(), "no result");
      }
      WireClient.roundTrip(a, "after");
      String lines = log.toString();
      assertTrue(
          lines.contains(
              WireClient.STORE
                  + "#open: a frame of 9223372036854775808 bytes"
                  + " takes the message past its limit of 67108864 bytes (0 taken)"),
          lines);
      assertTrue(
          lines.contains(
              WireClient.STORE
                  + "#open: a length of 4294967295 bytes takes"
                  + " the message past its limit of 67108864 bytes"),
          lines);
    }
  }

  @Test
  void aClientThatLeavesMidUploadStopsTheWork() throws Exception {
    StringWriter log = new StringWriter();
    ServerLimits limits = ServerLimits.defaults().withMaxMessage(65 * MIB);
    try (Server server = KvServer.serve(runtime, log, limits)) {
      InetSocketAddress a = server.address();
      byte[] handle = WireClient.open(a, "app");
      // Half of a 64 MiB value in tiny frames, then a reset.
      upload(a, handle, "big", 64 * MIB, 64, 32 * MIB);
      KvServer.awaitIdle(server);
      assertEquals(0, server.connectionCount(), "the connection is gone\n" + log);
      assertEquals(0, server.bytesInFlight(), "its bytes are given back");
      assertEquals(null, WireClient.get(a, handle, "big"), "nothing was stored");
      WireClient.roundTrip(a, "after");
      String lines = log.toString();
      assertTrue(lines.contains(WireClient.STORE + "#bucket.set: Connection reset"), lines);
    }
  }
}
