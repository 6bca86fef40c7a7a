package dev.wasidl.keyvalue;

import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Linker;
import dev.wasidl.wasi.Wasi;
import dev.wasidl.wasi.WasiConfig;
import dev.wasidl.wasi.WasiCtx;
import dev.wasidl.wrpc.Server;
import dev.wasidl.wrpc.ServerLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** kv-memory-c served in this JVM with given limits, and the figures a test reports about it. */
final class KvServer {
  private KvServer() {}

  static Server serve(GraalRuntime runtime, StringWriter log, ServerLimits limits)
      throws IOException {
    Component plugin = Component.of("kv-memory-c", KeyValueHostTest.guest("kv-memory-c.wasm"));
    Linker linker = Linker.of(runtime);
    Wasi.add(linker);
    WasiCtx wasi = new WasiCtx(WasiConfig.builder().build());
    return Server.start(
        plugin,
        () -> linker.instantiate(plugin, new KeyValueRpcTest.Data(wasi)),
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        limits,
        new PrintWriter(log, true));
  }

  /** Waits (10 s at most) until {@code server} has no connection and no bytes in flight. */
  static void awaitIdle(Server server) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while ((server.connectionCount() != 0 || server.bytesInFlight() != 0)
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  /** CPU time of this whole process (server and hostile clients), in nanoseconds. */
  static long processCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
  }

  static long openFiles() throws IOException {
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  /** The soft limit on open files (/proc/self/limits). */
  static long maxFiles() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
      if (line.startsWith("Max open files")) {
        return Long.parseLong(
            line.substring("Max open files".length()).trim().split("\\s+", -1)[0]);
      }
    }
    throw new IOException("no open files limit in /proc/self/limits");
  }

  /** Heap in use now (sampled by the tests: the peak they report is the highest sample). */
  static long heapUsed() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  /** This process's resident set now (VmRSS), in bytes; 0 if unknown. */
  static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  static String mib(long bytes) {
    return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  static String seconds(long nanos) {
    return String.format("%.2f s", nanos / 1e9);
  }
}
