package dev.wasidl.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;

class GraalRuntimeTest {
  @Test
  void engineIsCompiledByGraal() {
    try (GraalRuntime runtime = GraalRuntime.create()) {
      String name = runtime.implementationName();
      assertTrue(name.contains("GraalVM"), name);
      assertFalse(name.contains(GraalRuntime.INTERPRETED), name);
      assertTrue(runtime.isCompiled());
      assertSame(runtime, runtime.requireCompiled());
    }
  }

  @Test
  void applicationEngineIsUsedAndLeftOpen() {
    try (Engine engine = Engine.newBuilder("wasm").build()) {
      try (GraalRuntime runtime = GraalRuntime.of(engine);
          GraalStore store = runtime.newStore()) {
        assertSame(engine, runtime.engine());
        assertSame(engine, store.context().getEngine());
        GraalInstance provider = store.instantiate(CoreModules.module("provider"));
        assertEquals(5, provider.function("add").orElseThrow().callInt(2, 3));
      }
      // the runtime did not close the application's engine: it still makes contexts
      try (GraalRuntime again = GraalRuntime.of(engine);
          GraalStore store = again.newStore()) {
        assertEquals(
            7,
            store
                .instantiate(CoreModules.module("provider"))
                .function("add")
                .orElseThrow()
                .callInt(3, 4));
      }
    }
  }

  @Test
  void jvmFlagsNameTheCompilerAndTruffleModules() {
    var flags = GraalRuntime.jvmFlags(Path.of("/g"));
    assertTrue(flags.contains("-XX:+EnableJVMCI"), flags.toString());
    assertTrue(flags.contains("--upgrade-module-path=/g/upgrade/compiler.jar"), flags.toString());
    assertTrue(flags.contains("--module-path=/g/modules"), flags.toString());
    assertTrue(flags.contains("--add-modules=ALL-MODULE-PATH"), flags.toString());
  }
}
