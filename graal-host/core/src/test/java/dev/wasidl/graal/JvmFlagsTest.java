package dev.wasidl.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import dev.wasidl.testkit.core.ChildJvm;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The flags {@link GraalRuntime#jvmFlags} documents for launchers (jars of target/graal, the rest
 * on the class path) start a JVM whose GraalWasm runs compiled and calls spun host functions.
 */
class JvmFlagsTest {
  /** The launched program: prints the engine's name and a host call's result. */
  public static void main(String[] args) throws Exception {
    try (GraalRuntime runtime = GraalRuntime.create().requireCompiled();
        GraalStore store = runtime.newStore()) {
      CoreType.Func i32 = new CoreType.Func(List.of(), List.of(CoreValType.I32));
      HostFunction seven =
          HostFunction.of(
              i32,
              MethodHandles.lookup()
                  .findStatic(JvmFlagsTest.class, "seven", MethodType.methodType(int.class)));
      GraalInstance provider = store.instantiate(CoreModules.module("provider"));
      store.instantiate(
          CoreModules.module("consumer"),
          Imports.builder().define("provider", provider).define("host", "seven", seven).build());
      System.out.println(
          runtime.implementationName()
              + " "
              + provider.function("call_slot").orElseThrow().callInt(1));
    }
  }

  static int seven() {
    return 7;
  }

  @Test
  void documentedFlagsRunCompiled() throws Exception {
    List<String> command = ChildJvm.java(JvmFlagsTest.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launched JVM did not finish");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    List<String> lines = Arrays.asList(output.strip().split("\n", -1));
    assertEquals("GraalVM CE 7", lines.getLast(), output);
    assertFalse(output.contains("WARNING"), output);
  }
}
