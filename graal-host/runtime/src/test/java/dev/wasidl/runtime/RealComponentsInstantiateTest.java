package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

  /**
   * An InstancePre checks their imports up front, as instantiation would (with nothing defined, the
   * same first missing import), and instantiates them again and again.
   */
  @ParameterizedTest
  @ValueSource(strings = {"wasi-command-c.wasm", "jco-command-c.wasm", "hello-js.wasm"})
  void aPreChecksTheirImportsAndInstantiatesThem(String guest) {
    try (GraalRuntime runtime = GraalRuntime.create()) {
      Component component = Component.of(guest, TypesGuestTest.guest(guest));
      Linker empty = Linker.of(runtime);
      UnlinkableException atPre =
          assertThrows(UnlinkableException.class, () -> empty.instantiatePre(component));
      assertTrue(atPre.getMessage().startsWith("missing import: instance "), atPre.getMessage());
      assertEquals(
          assertThrows(UnlinkableException.class, () -> empty.instantiate(component)).getMessage(),
          atPre.getMessage());
      InstancePre pre = Linker.of(runtime).defineUnknownImportsAsTraps().instantiatePre(component);
      for (int i = 0; i < 2; i++) {
        try (Instance instance = pre.instantiate()) {
          assertTrue(!instance.exports().isEmpty());
        }
      }
    }
  }
}
