package dev.wasidl.testkit.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tests' one way to run node in graal-host/testdata/node (jco 1.35 and preview2-shim, installed
 * by npm ci). Without node or its packages it fails with one line saying what to install: a test
 * comparing with node must not pass by skipping.
 */
public final class Node {
  /** What installs the packages, from the repository root. */
  public static final String INSTALL = "npm ci --prefix graal-host/testdata/node";

  private Node() {}

  /**
   * graal-host/testdata/node (from the build's wasidl.testdata, the module directory or the
   * repository root), after checking that node runs and jco is installed there.
   */
  public static Path directory() {
    Path dir = find();
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
      throw new AssertionError("jco is not installed (node " + version + "): run " + INSTALL);
    }
    return dir;
  }

  private static Path find() {
    Path cwd = Path.of(System.getProperty("user.dir"));
    List<Path> candidates = new ArrayList<>();
    String testdata = System.getProperty("wasidl.testdata");
    if (testdata != null) {
      candidates.add(Path.of(testdata, "node"));
    }
    candidates.add(cwd.resolve("../testdata/node"));
    candidates.add(cwd.resolve("graal-host/testdata/node"));
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate.resolve("package.json"))) {
        return candidate;
      }
    }
    throw new AssertionError("cannot find graal-host/testdata/node from " + cwd);
  }

  /**
   * {@code node args...} in {@link #directory()}, for a caller that drives its input and output.
   */
  public static ProcessBuilder process(List<String> args) {
    List<String> command = new ArrayList<>(List.of("node"));
    command.addAll(args);
    return new ProcessBuilder(command).directory(directory().toFile());
  }

  /**
   * {@code node args...} with no input: its stdout, after checking it exited 0 within three minutes
   * (else its stderr is the failure).
   */
  public static String run(String... args) throws IOException, InterruptedException {
    Path stderr = Files.createTempFile("node", ".stderr");
    try {
      Process node = process(List.of(args)).redirectError(stderr.toFile()).start();
      node.getOutputStream().close();
      String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!node.waitFor(180, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        throw new AssertionError("node timed out: " + List.of(args));
      }
      assertEquals(0, node.exitValue(), List.of(args) + ": " + Files.readString(stderr) + out);
      return out;
    } finally {
      Files.deleteIfExists(stderr);
    }
  }

  /** {@code jco print}: fails (exit 1) on a binary wasmparser does not validate. */
  public static String jcoPrint(Path wasm) throws IOException, InterruptedException {
    return run("node_modules/@bytecodealliance/jco/dist/jco.js", "print", wasm.toString());
  }
}
