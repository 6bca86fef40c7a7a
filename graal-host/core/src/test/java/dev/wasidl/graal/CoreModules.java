package dev.wasidl.graal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The core test modules: testdata/core/*.wat, built into resources/core by build.sh. */
final class CoreModules {
  private CoreModules() {}

  static byte[] bytes(String name) {
    try (InputStream in = CoreModules.class.getResourceAsStream("/core/" + name + ".wasm")) {
      if (in == null) {
        throw new IllegalStateException("no test module " + name + " (run testdata/core/build.sh)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GraalModule module(String name) {
    return GraalModule.of(name, bytes(name));
  }
}
