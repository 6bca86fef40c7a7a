package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.types.Val;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JVM running out of memory inside a host function is the JVM's failure: the caller of the
 * component gets the {@link OutOfMemoryError} itself, never a trap it would take for the guest's
 * (before, it came back as "host function failed: java.lang.OutOfMemoryError" and the host went on,
 * issue 17). The guest was unwound mid-call, so the instance is unusable afterwards, as after a
 * trap; other instances go on. (The error is thrown by the host function here: a real heap
 * exhaustion would take the test JVM with it.)
 */
class HostOutOfMemoryTest {
  private static GraalRuntime runtime;
  private static Component typed;

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
    typed = Component.of("typed", TypesGuestTest.guest("typed-wat.wasm"));
  }

  @AfterAll
  static void tearDown() {
    runtime.close();
  }

  @Test
  void theCallerGetsTheErrorAndTheInstanceIsUnusable() {
    OutOfMemoryError thrown = new OutOfMemoryError("simulated: Java heap space");
    Linker linker =
        Linker.of(runtime)
            .func("ping", (cx, a) -> Optional.empty())
            .func(
                "call-back",
                (cx, a) -> {
                  if (((Val.U32) a.getFirst()).value() == 7) {
                    throw thrown;
                  }
                  return Optional.of(a.getFirst());
                });
    try (Instance failing = linker.instantiate(typed);
        Instance other = linker.instantiate(typed)) {
      Func callBack = failing.func("call-back").orElseThrow();
      assertEquals(Optional.of(new Val.U32(1)), callBack.call(new Val.U32(1)));
      assertSame(thrown, assertThrows(OutOfMemoryError.class, () -> callBack.call(new Val.U32(7))));
      Trap after = assertThrows(Trap.class, () -> callBack.call(new Val.U32(1)));
      assertTrue(
          after
              .getMessage()
              .endsWith(
                  ": it trapped earlier and is unusable (the JVM ran out of memory during a call"
                      + " into it)"),
          after.getMessage());
      // the typed path too, and other instances go on
      assertThrows(
          Trap.class,
          () -> failing.func("id").orElseThrow().typed(Long.class, long.class).call(1L));
      assertEquals(
          Optional.of(new Val.U32(3)), other.func("call-back").orElseThrow().call(new Val.U32(3)));
      TypedFunc<Long> typedCallBack =
          other.func("call-back").orElseThrow().typed(Long.class, long.class);
      assertSame(thrown, assertThrows(OutOfMemoryError.class, () -> typedCallBack.call(7L)));
      assertThrows(Trap.class, () -> typedCallBack.call(1L));
    }
  }
}
