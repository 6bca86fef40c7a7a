package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.graal.GraalRuntime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Toolchain-made components (wasi-libc through both preview1 adapters, and a jco componentize JS
 * component) instantiate: their core modules, the adapters' shim and fixup modules passing tables
 * between instances, and their lowered WASI imports all link. Running them needs WASI (issue 5), so
 * their imports are defined as traps here.
 */
class RealComponentsInstantiateTest {

  @ParameterizedTest
  @ValueSource(strings = {"wasi-command-c.wasm", "jco-command-c.wasm", "hello-js.wasm"})
  void instantiates(String guest) {
    try (GraalRuntime runtime = GraalRuntime.create();
        Instance instance =
            Linker.of(runtime)
                .defineUnknownImportsAsTraps()
                .instantiate(Component.of(guest, TypesGuestTest.guest(guest)))) {
      assertTrue(
          instance.exports().stream()
              .anyMatch(n -> n.startsWith("wasi:cli/run@") || n.contains("hello")),
          instance.exports().toString());
    }
  }
}
