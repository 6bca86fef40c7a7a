package dev.wasidl.keyvalue;

import dev.wasidl.testkit.core.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code wasidl serve --plugin PLUGIN --listen 127.0.0.1:0} in a JVM of its own (what the launcher
 * runs: graal-host's Main with GraalRuntime's flags), so a test can kill it for real.
 */
final class ServeProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on ([0-9.]+):([0-9]+) .*");

  private final Process process;
  private final InetSocketAddress address;
  private final Path stderr;

  private ServeProcess(Process process, InetSocketAddress address, Path stderr) {
    this.process = process;
    this.address = address;
    this.stderr = stderr;
  }

  static ServeProcess start(Path plugin) throws IOException {
    return start(
        ChildJvm.wasidl(
            "serve", "--plugin", plugin.toString(), "--listen", "127.0.0.1:0", "--timeout", "10"));
  }

  /** As {@link #start(Path)}, the process limited to {@code fdLimit} open files. */
  static ServeProcess startWithFdLimit(Path plugin, int fdLimit) throws IOException {
    List<String> command = new ArrayList<>();
    command.addAll(List.of("bash", "-c", "ulimit -n " + fdLimit + " && exec \"$@\"", "bash"));
    command.addAll(
        ChildJvm.wasidl(
            "serve", "--plugin", plugin.toString(), "--listen", "127.0.0.1:0", "--timeout", "10"));
    return start(command);
  }

  /**
   * {@code wasidl serve} with {@code jvmFlags} (e.g. a heap limit) and {@code serveArgs} after the
   * plugin and listen address.
   */
  static ServeProcess startWith(List<String> jvmFlags, Path plugin, String... serveArgs)
      throws IOException {
    List<String> command =
        ChildJvm.wasidl("serve", "--plugin", plugin.toString(), "--listen", "127.0.0.1:0");
    command.addAll(1, jvmFlags);
    command.addAll(List.of(serveArgs));
    return start(command);
  }

  /** The server's CPU time so far, in nanoseconds. */
  long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().orElseThrow().toNanos();
  }

  /** The server's peak resident set so far (VmHWM), in bytes. */
  long peakRss() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("no VmHWM for " + process.pid());
  }

  private static ServeProcess start(List<String> command) throws IOException {
    Path stderr = Files.createTempFile("wasidl-serve", ".stderr");
    Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    Matcher m = LISTENING.matcher(line == null ? "" : line);
    if (!m.matches()) {
      p.destroyForcibly();
      throw new IOException(
          "wasidl serve did not start: " + line + "\n" + Files.readString(stderr));
    }
    InetSocketAddress address =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(m.group(2)));
    return new ServeProcess(p, address, stderr);
  }

  InetSocketAddress address() {
    return address;
  }

  /** SIGKILL, and waits until the process is gone. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String stderr() throws IOException {
    return Files.readString(stderr);
  }

  @Override
  public void close() throws IOException {
    kill();
    Files.deleteIfExists(stderr);
  }
}
