package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.types.Val;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Linker#callTimeout}, against guests that never stop (testdata/guests/spin-wat: an export
 * looping for ever; start-loop-wat: a start function looping for ever): the call or the
 * instantiation traps naming the limit within a bounded time, the instance is unusable after, and
 * other instances in the same JVM go on answering. Calls that finish in time are untouched.
 */
class CallTimeoutTest {
  private static final Duration LIMIT = Duration.ofMillis(300);
  // far above the limit: the watchdog interrupts at the guest's next loop iteration
  private static final Duration BOUND = Duration.ofSeconds(20);
  private static GraalRuntime runtime;
  private static Component spin;
  private static Component startLoop;

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
    spin = Component.of("spin-wat", TypesGuestTest.guest("spin-wat.wasm"));
    startLoop = Component.of("start-loop-wat", TypesGuestTest.guest("start-loop-wat.wasm"));
  }

  @AfterAll
  static void tearDown() {
    runtime.close();
  }

  private static Linker limited() {
    return Linker.of(runtime).callTimeout(LIMIT);
  }

  @Test
  void anEndlessExportTrapsNamingTheLimitAndOtherInstancesGoOn() {
    Linker linker = limited();
    try (Instance looping = linker.instantiate(spin);
        Instance other = linker.instantiate(spin)) {
      Trap t =
          assertTimeoutPreemptively(
              BOUND,
              () ->
                  assertThrows(
                      Trap.class, () -> looping.func("spin").orElseThrow().call(List.of())));
      assertTrue(
          t.getMessage()
              .contains("call of spin in spin-wat ran longer than its time limit of 300 ms"),
          t.getMessage());
      assertTrue(t.getMessage().contains("--timeout"), t.getMessage());
      // unwound mid-call, as by a trap: the instance is unusable
      Trap after =
          assertThrows(Trap.class, () -> looping.func("answer").orElseThrow().call(List.of()));
      assertTrue(after.getMessage().contains("trapped earlier"), after.getMessage());
      assertEquals(
          Optional.of(new Val.U32(42)), other.func("answer").orElseThrow().call(List.of()));
    }
  }

  @Test
  void theTypedPathIsLimitedToo() {
    try (Instance looping = limited().instantiate(spin)) {
      TypedFunc<Void> typed = looping.func("spin").orElseThrow().typed(Void.class);
      Trap t = assertTimeoutPreemptively(BOUND, () -> assertThrows(Trap.class, typed::call));
      assertTrue(t.getMessage().contains("ran longer than its time limit"), t.getMessage());
    }
  }

  @Test
  void anEndlessStartFunctionFailsTheInstantiation() {
    Linker linker = limited();
    Trap t =
        assertTimeoutPreemptively(
            BOUND, () -> assertThrows(Trap.class, () -> linker.instantiate(startLoop)));
    assertTrue(
        t.getMessage()
            .contains("instantiation of start-loop-wat ran longer than its time limit of 300 ms"),
        t.getMessage());
    try (Instance next = linker.instantiate(spin)) {
      assertEquals(Optional.of(new Val.U32(42)), next.func("answer").orElseThrow().call(List.of()));
    }
  }

  @Test
  void callsThatFinishInTimeAreNotInterruptedLater() throws InterruptedException {
    try (Instance instance = limited().instantiate(spin)) {
      Func answer = instance.func("answer").orElseThrow();
      TypedFunc<Long> typed = answer.typed(Long.class);
      for (int i = 0; i < 3; i++) {
        assertEquals(Optional.of(new Val.U32(42)), answer.call(List.of()));
        assertEquals(42L, typed.call());
        Thread.sleep(LIMIT.toMillis() * 2); // past every deadline the calls above started
      }
      assertEquals(Optional.of(new Val.U32(42)), answer.call(List.of()));
    }
  }

  @Test
  void theLimitMustBePositiveAndInTheClocksRange() {
    Linker linker = Linker.of(runtime);
    assertThrows(IllegalArgumentException.class, () -> linker.callTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> linker.callTimeout(Duration.ofSeconds(-1)));
    // far past the clock's range: refused, not overflowed into a deadline in the past
    assertThrows(
        IllegalArgumentException.class, () -> linker.callTimeout(Duration.ofDays(1_000_000)));
    linker.callTimeout(Linker.MAX_CALL_TIMEOUT);
  }
}
