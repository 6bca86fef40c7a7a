package dev.wasidl.differential;

import dev.wasidl.testkit.component.Json;
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
  static final String INSTALL = "npm ci --prefix graal-host/testdata/node";

  private final Process process;
  private final Path stderr;
  private final String component;

  private NodeHarness(Process process, Path stderr, String component) {
    this.process = process;
    this.stderr = stderr;
    this.component = component;
  }

  /** graal-host/testdata/node, from the module directory (Maven's) or the repository root. */
  static Path directory() {
    Path cwd = Path.of(System.getProperty("user.dir"));
    for (Path candidate :
        List.of(cwd.resolve("../testdata/node"), cwd.resolve("graal-host/testdata/node"))) {
      if (Files.isRegularFile(candidate.resolve("harness.mjs"))) {
        return candidate;
      }
    }
    throw new AssertionError("cannot find graal-host/testdata/node/harness.mjs from " + cwd);
  }

  /** Checks node and the harness's packages, or fails with what to install. */
  static Path requireInstalled() {
    Path dir = directory();
    String version;
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(version);
      }
    } catch (IOException e) {
      throw new AssertionError(
          "node is not on PATH: install Node.js 18+ (apt-get install nodejs npm), then " + INSTALL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    if (!Files.isRegularFile(dir.resolve("node_modules/@bytecodealliance/jco/package.json"))) {
      throw new AssertionError(
          "jco is not installed for the differential test (node " + version + "): run " + INSTALL);
    }
    return dir;
  }

  /** Starts node on {@code componentFile}; it transpiles and waits for the calls. */
  static NodeHarness start(Path componentFile) {
    Path dir = requireInstalled();
    try {
      Path stderr = Files.createTempFile("wasidl-node-", ".stderr");
      Process process =
          new ProcessBuilder("node", "harness.mjs", componentFile.toString(), "-")
              .directory(dir.toFile())
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
