package dev.wasidl.benchmarks;

import dev.wasidl.graal.GraalRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared set-up of the wasm benchmarks: a compiled engine, and the modules and guests they run. */
final class Wasm {
  private Wasm() {}

  /** A runtime that runs compiled: the benchmark fails if GraalWasm would only interpret. */
  static GraalRuntime compiledRuntime() {
    return GraalRuntime.create().requireCompiled();
  }

  /** A core module of the benchmarks' own resources. */
  static byte[] module(String name) {
    try (InputStream in = Wasm.class.getResourceAsStream("/wasm/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource wasm/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A test guest component of graal-host (run from the repository root, or set wasidl.guests). */
  static byte[] guest(String name) {
    Path dir = Path.of(System.getProperty("wasidl.guests", "graal-host/testdata/resources/guests"));
    try {
      return Files.readAllBytes(dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read guest " + name + " from " + dir.toAbsolutePath(), e);
    }
  }
}
