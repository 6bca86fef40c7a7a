package dev.wasidl.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs node in graal-host/testdata/node (jco 1.35 and preview2-shim, installed by npm ci). */
final class Node {
  private Node() {}

  /** graal-host/testdata/node, from the module directory (Maven's) or the repository root. */
  static Path directory() {
    Path cwd = Path.of(System.getProperty("user.dir"));
    for (Path candidate :
        List.of(cwd.resolve("../testdata/node"), cwd.resolve("graal-host/testdata/node"))) {
      if (Files.isRegularFile(candidate.resolve("wasi-run.mjs"))) {
        if (!Files.isRegularFile(
            candidate.resolve("node_modules/@bytecodealliance/jco/package.json"))) {
          throw new AssertionError(
              "jco is not installed: run npm ci --prefix graal-host/testdata/node");
        }
        return candidate;
      }
    }
    throw new AssertionError("cannot find graal-host/testdata/node from " + cwd);
  }

  /**
   * {@code node args...}: its stdout, after checking it exited 0 (else its stderr is the error).
   */
  static String run(String... args) throws IOException, InterruptedException {
    Path stderr = Files.createTempFile("node", ".stderr");
    try {
      List<String> command = new ArrayList<>(List.of("node"));
      command.addAll(List.of(args));
      Process node =
          new ProcessBuilder(command)
              .directory(directory().toFile())
              .redirectError(stderr.toFile())
              .start();
      node.getOutputStream().close();
      String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!node.waitFor(180, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        throw new AssertionError("node timed out: " + command);
      }
      assertEquals(0, node.exitValue(), command + ": " + Files.readString(stderr) + out);
      return out;
    } finally {
      Files.deleteIfExists(stderr);
    }
  }

  /** {@code jco print}: fails (exit 1) on a binary wasmparser does not validate. */
  static String jcoPrint(Path wasm) throws IOException, InterruptedException {
    return run("node_modules/@bytecodealliance/jco/dist/jco.js", "print", wasm.toString());
  }
}
