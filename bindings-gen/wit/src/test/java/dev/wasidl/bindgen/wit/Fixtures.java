package dev.wasidl.bindgen.wit;

import java.nio.file.Path;
import java.util.List;

/** Where the WIT fixtures are (see src/test/resources/wit/README.md). */
final class Fixtures {
  static final Path ROOT = Path.of("src/test/resources/wit");
  static final Path WASI = ROOT.resolve("wasi-0.2.12");
  static final List<String> WASI_PACKAGES =
      List.of("io", "clocks", "random", "cli", "filesystem", "sockets", "http");

  private Fixtures() {}

  /** All of WASI 0.2.12 in one resolve; the folders given in reverse dependency order. */
  static Resolve wasi() {
    Resolve r = new Resolve();
    r.addDependencies(WASI_PACKAGES.reversed().stream().map(WASI::resolve).toList());
    return r;
  }
}
