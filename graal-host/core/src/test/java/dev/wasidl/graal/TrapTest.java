package dev.wasidl.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.component.CoreType;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Wasm traps surface as {@link Trap}s with GraalWasm's message, never as PolyglotException. */
class TrapTest {
  private static GraalRuntime runtime;
  private static GraalStore store;
  private static GraalInstance host;

  @BeforeAll
  static void instantiate() {
    runtime = GraalRuntime.create();
    store = runtime.newStore();
    HostFunction zero = HostFunction.ofProxy(new CoreType.Func(List.of(), List.of()), args -> 0);
    Imports.Builder imports = Imports.builder();
    for (String name : List.of("add", "mix", "mul_wide", "half", "record", "tick", "check")) {
      imports.define("env", name, zero);
    }
    host = store.instantiate(CoreModules.module("host"), imports.build());
  }

  @AfterAll
  static void close() {
    store.close();
    runtime.close();
  }

  private static Trap trap(String export, Object... args) {
    Trap trap = assertThrows(Trap.class, () -> host.function(export).orElseThrow().call(args));
    assertTrue(trap.getCause() instanceof PolyglotException, String.valueOf(trap.getCause()));
    return trap;
  }

  @Test
  void unreachable() {
    assertTrue(trap("unreachable").getMessage().contains("unreachable"));
  }

  @Test
  void outOfBoundsLoad() {
    String message = trap("load_at", 65536 - 3).getMessage();
    assertTrue(message.contains("bounds"), message);
    assertTrue(trap("load_at", -1).getMessage().contains("bounds"));
  }

  @Test
  void integerDivideByZero() {
    String message = trap("div", 1, 0).getMessage();
    assertTrue(message.contains("divide by zero"), message);
    assertTrue(trap("div", Integer.MIN_VALUE, -1).getMessage().contains("overflow"));
  }

  @Test
  void storeStaysUsableAfterTraps() {
    trap("unreachable");
    assertEquals(3, host.function("div").orElseThrow().callInt(7, 2));
  }

  /**
   * A host function that runs out of memory: the OutOfMemoryError reaches the caller as itself, not
   * hidden in a trap the guest's host would take for a guest failure and go on after.
   */
  @Test
  void aHostOutOfMemoryErrorIsNotATrap() {
    try (GraalStore s = runtime.newStore()) {
      HostFunction oom =
          HostFunction.ofProxy(
              new CoreType.Func(List.of(), List.of()),
              args -> {
                throw new OutOfMemoryError("simulated: Java heap space");
              });
      HostFunction zero = HostFunction.ofProxy(new CoreType.Func(List.of(), List.of()), args -> 0);
      Imports.Builder imports = Imports.builder();
      for (String name : List.of("add", "mix", "mul_wide", "half", "record", "check")) {
        imports.define("env", name, zero);
      }
      imports.define("env", "tick", oom);
      GraalInstance i = s.instantiate(CoreModules.module("host"), imports.build());
      OutOfMemoryError e =
          assertThrows(
              OutOfMemoryError.class, () -> i.function("call_tick_twice").orElseThrow().call());
      assertEquals("simulated: Java heap space", e.getMessage());
    }
  }
}
