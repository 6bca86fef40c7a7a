package dev.wasidl.differential;

import dev.wasidl.testkit.component.Json;
import dev.wasidl.testkit.plugins.Node;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * node/harness.mjs run on one component: started early so that jco transpiles while the Java side
 * runs, then given the calls on stdin. Without node or its packages this fails with one line saying
 * what to install (the differential test must not pass by skipping).
 */
final class NodeHarness {
  private final Process process;
  private final Path stderr;
  private final String component;

  private NodeHarness(Process process, Path stderr, String component) {
    this.process = process;
    this.stderr = stderr;
    this.component = component;
  }

  /** Checks node and the harness's packages, or fails with what to install. */
  static Path requireInstalled() {
    return Node.directory();
  }

  /** Starts node on {@code componentFile}; it transpiles and waits for the calls. */
  static NodeHarness start(Path componentFile) {
    try {
      Path stderr = Files.createTempFile("wasidl-node-", ".stderr");
      Process process =
          Node.process(List.of("harness.mjs", componentFile.toString(), "-"))
              .redirectError(stderr.toFile())
              .start();
      return new NodeHarness(process, stderr, componentFile.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops node if {@link #run} was never reached. */
  void abort() {
    process.destroyForcibly();
  }

  /** Sends the calls and returns the harness's output lines. */
  List<String> run(Json calls) {
    try {
      try (OutputStream in = process.getOutputStream()) {
        in.write(Json.write(calls).getBytes(StandardCharsets.UTF_8));
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("node harness timed out on " + component);
      }
      String err = Files.readString(stderr);
      if (process.exitValue() != 0) {
        throw new AssertionError(
            "node harness failed on " + component + " (exit " + process.exitValue() + "):\n" + err);
      }
      return out.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      try {
        Files.deleteIfExists(stderr);
      } catch (IOException e) {
        // a temp file left behind is harmless
      }
    }
  }
}
