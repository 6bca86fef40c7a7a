package dev.wasidl.runtime;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasidl.abi.Trap;
import dev.wasidl.component.ComponentException;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.graal.MalformedModuleException;
import java.time.Duration;

/**
 * Instantiation of untrusted components, guided by coverage (Jazzer): bytes that decode are
 * instantiated on GraalWasm with every import a trap, small caps and a time limit. Instantiation
 * either gives an instance or fails with a {@link Trap} or an {@link UnlinkableException}; anything
 * else is a finding. Seeded with every committed guest component.
 */
class InstantiationFuzzTest {
  private static final GraalRuntime RUNTIME = GraalRuntime.create();

  @FuzzTest
  void instantiate(byte[] bytes) {
    Component component;
    try {
      component = Component.of("fuzz", bytes);
    } catch (ComponentException expected) {
      return;
    }
    Linker linker =
        Linker.of(RUNTIME)
            .defineUnknownImportsAsTraps()
            .callTimeout(Duration.ofSeconds(2))
            .maxMemorySize(16 << 20)
            .maxTableElements(10_000)
            .maxInstances(100);
    try (Instance instance = linker.instantiate(component)) {
      instance.exports(); // instantiated: nothing more to check
    } catch (Trap | UnlinkableException | MalformedModuleException expected) {
      // a start function trapped, an import did not match, a cap was hit, or GraalWasm refused a
      // core module's code (the decoder validates the component, not function bodies): clear errors
    }
  }
}
