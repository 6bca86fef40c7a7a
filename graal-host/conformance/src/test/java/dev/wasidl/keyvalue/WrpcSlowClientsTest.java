package dev.wasidl.keyvalue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.wrpc.Framing;
import dev.wasidl.wrpc.Server;
import dev.wasidl.wrpc.ServerLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, reproduction 4: {@code wasidl serve} against slow and abusive clients (a slow-loris of
 * thousands of connections, a client trickling its request, a flood past the process's file
 * descriptor limit), each played for real on loopback against kv-memory-c; a real client must get
 * correct answers during and after.
 */
class WrpcSlowClientsTest {
  private static GraalRuntime runtime;

  @BeforeAll
  static void runtime() {
    runtime = GraalRuntime.create();
  }

  @AfterAll
  static void closeRuntime() {
    runtime.close();
  }

  @Test
  void slowLorisOfThousandsOfConnectionsDoesNotLockOutARealClient() throws Exception {
    ServerLimits limits = ServerLimits.defaults().withDeadline(Duration.ofSeconds(60));
    int cap = limits.maxConnections();
    // Both ends of every connection live in this JVM: attackers + the server's side of at most
    // cap of them, with room to spare for the JVM itself.
    long room = KvServer.maxFiles() - KvServer.openFiles() - cap - 512;
    int attackers = (int) Math.min(5000, room);
    assertTrue(attackers >= 2 * cap, "too few file descriptors for the test: " + room);
    StringWriter log = new StringWriter();
    List<Socket> held = new ArrayList<>();
    try (Server server = KvServer.serve(runtime, log, limits)) {
      InetSocketAddress a = server.address();
      WireClient.roundTrip(a, "warm-up");
      long cpu0 = KvServer.processCpuNanos();
      long wall0 = System.nanoTime();
      long heapPeak = 0;
      long rssPeak = 0;
      int served = 0;
      for (int i = 0; i < attackers; i++) {
        Socket s = new Socket(a.getAddress(), a.getPort());
        held.add(s);
        // The version byte, then silence: a request that never ends.
        s.getOutputStream().write(Framing.PROTOCOL);
        if (i % 1000 == 999) {
          WireClient.roundTrip(a, "during-" + i);
          served++;
          rssPeak = Math.max(rssPeak, KvServer.rss());
          heapPeak = Math.max(heapPeak, KvServer.heapUsed());
          assertTrue(server.connectionCount() <= cap, "connections " + server.connectionCount());
        }
      }
      // Every slot is now held by a slow-loris: real clients still get in, and get answers.
      for (int i = 0; i < 5; i++) {
        WireClient.roundTrip(a, "after-" + i);
        served++;
      }
      // The attackers trickle on: one more byte each (still nowhere near a whole request).
      for (Socket s : held) {
        try {
          s.getOutputStream().write(0);
        } catch (IOException shed) {
          // this one was shed already
        }
      }
      WireClient.roundTrip(a, "after-trickle");
      served++;
      long cpu = KvServer.processCpuNanos() - cpu0;
      long wall = System.nanoTime() - wall0;
      rssPeak = Math.max(rssPeak, KvServer.rss());
      System.out.printf(
          "FIGURES slow-loris: %d connections (cap %d), %d real round trips answered; process"
              + " CPU %s, wall %s, peak heap sampled %s, peak RSS sampled %s%n",
          attackers,
          cap,
          served,
          KvServer.seconds(cpu),
          KvServer.seconds(wall),
          KvServer.mib(heapPeak),
          KvServer.mib(rssPeak));
      assertTrue(server.connectionCount() <= cap, "connections " + server.connectionCount());
      String lines = log.toString();
      assertTrue(lines.contains("at the cap of " + cap + " connections: shedding"), lines);
      assertTrue(cpu < Duration.ofSeconds(30).toNanos(), "CPU " + KvServer.seconds(cpu));
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void aClientTricklingItsRequestIsCutAtTheTotalDeadline() throws Exception {
    StringWriter log = new StringWriter();
    ServerLimits limits = ServerLimits.defaults().withDeadline(Duration.ofSeconds(2));
    try (Server server = KvServer.serve(runtime, log, limits)) {
      InetSocketAddress a = server.address();
      byte[] handle = WireClient.open(a, "app");
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      head.writeBytes(Framing.header(WireClient.STORE, "bucket.set"));
      head.writeBytes(Framing.frame(List.of(), WireClient.setPrefix(handle, "k", 1000)));
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      for (int i = 0; i < 1000; i++) {
        request.writeBytes(Framing.frame(List.of(), new byte[] {(byte) i}));
      }
      byte[] bytes = request.toByteArray();
      long start = System.nanoTime();
      long cutAfter = -1;
      try (Socket s = new Socket(a.getAddress(), a.getPort())) {
        // A byte every 250 ms: far more often than the deadline, so no per-read timeout fires.
        s.setSoTimeout(250);
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        // The header and the start of the parameters at once, then the value trickles.
        out.write(head.toByteArray());
        for (int i = 0; i < 80 && cutAfter < 0; i++) {
          try {
            out.write(bytes[i]);
            out.flush();
            if (in.read() < 0) {
              cutAfter = System.nanoTime() - start;
            }
          } catch (SocketTimeoutException stillOpen) {
            // the server is still waiting for the rest
          } catch (IOException closed) {
            cutAfter = System.nanoTime() - start;
          }
        }
      }
      assertTrue(cutAfter > 0, "the trickling client was never cut\n" + log);
      assertTrue(
          cutAfter >= Duration.ofMillis(1900).toNanos()
              && cutAfter < Duration.ofSeconds(8).toNanos(),
          "cut after " + KvServer.seconds(cutAfter));
      WireClient.roundTrip(a, "after");
      String lines = log.toString();
      assertTrue(
          lines.contains(
              WireClient.STORE + "#bucket.set: cut at the deadline of 2000 ms per invocation"),
          lines);
      KvServer.awaitIdle(server);
      assertEquals(0, server.bytesInFlight(), "the cut request's bytes are given back");
    }
  }

  @Test
  void acceptOutlivesRunningOutOfFileDescriptors(@TempDir Path dir) throws Exception {
    Path plugin = dir.resolve("kv-memory-c.wasm");
    Files.write(plugin, KeyValueHostTest.guest("kv-memory-c.wasm"));
    int fdLimit = 256;
    List<Socket> flood = new ArrayList<>();
    try (ServeProcess served = ServeProcess.startWithFdLimit(plugin, fdLimit)) {
      InetSocketAddress a = served.address();
      WireClient.roundTrip(a, "before");
      try {
        // Twice the child's descriptors in connections that send nothing more than a version
        // byte: it runs out of files to accept with.
        for (int i = 0; i < 2 * fdLimit; i++) {
          Socket s = new Socket(a.getAddress(), a.getPort());
          flood.add(s);
          s.getOutputStream().write(Framing.PROTOCOL);
        }
        WireClient.roundTrip(a, "during");
      } finally {
        for (Socket s : flood) {
          s.close();
        }
      }
      WireClient.roundTrip(a, "after");
      String err = served.stderr();
      assertTrue(
          err.contains("accept failed: Too many open files; retrying until it works again"), err);
    }
  }
}
