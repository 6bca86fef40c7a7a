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
 * Hostile guests against the limits on memories ({@link Linker#maxMemorySize}, memory-bomb-wat),
 * tables, instances and the wasm stack (bombs-wat): a grow past a limit returns -1 as wasm says of
 * any maximum, growing a page at a time stops at the limit, a memory that starts larger, or too
 * many instances, fail instantiation with a trap naming the limit, a recursion without end is a
 * trap, and another instance in the same JVM goes on answering.
 */
class GuestLimitsTest {
  private static GraalRuntime runtime;
  private static Component tableBomb;
  private static Component manyInstances;
  private static Component recursion;
  private static Component bomb;
  private static Component big;
  private static final long MIB = 1L << 20;

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
    tableBomb = Component.of("table-bomb-wat", TypesGuestTest.guest("table-bomb-wat.wasm"));
    manyInstances =
        Component.of("many-instances-wat", TypesGuestTest.guest("many-instances-wat.wasm"));
    recursion = Component.of("recursion-wat", TypesGuestTest.guest("recursion-wat.wasm"));
    bomb = Component.of("memory-bomb-wat", TypesGuestTest.guest("memory-bomb-wat.wasm"));
    big = Component.of("big-memory-wat", TypesGuestTest.guest("big-memory-wat.wasm"));
  }

  @AfterAll
  static void tearDown() {
    runtime.close();
  }

  private static Optional<Val> call(Instance i, String name, Val... args) {
    return i.func(name).orElseThrow().call(List.of(args));
  }

  @Test
  void aTableGrowPastTheLimitReturnsMinusOne() {
    Linker linker = Linker.of(runtime).maxTableElements(1000);
    try (Instance greedy = linker.instantiate(tableBomb);
        Instance other = linker.instantiate(tableBomb)) {
      assertEquals(Optional.of(new Val.S32(-1)), call(greedy, "grow", new Val.U32(1000)));
      assertEquals(Optional.of(new Val.S32(1)), call(greedy, "grow", new Val.U32(999)));
      assertEquals(Optional.of(new Val.S32(-1)), call(greedy, "grow", new Val.U32(1)));
      assertEquals(Optional.of(new Val.U32(42)), call(greedy, "answer"));
      assertEquals(Optional.of(new Val.S32(1)), call(other, "grow", new Val.U32(5)));
    }
    assertThrows(IllegalArgumentException.class, () -> Linker.of(runtime).maxTableElements(0));
  }

  @Test
  void tooManyCoreInstancesFailInstantiationNamingTheLimit() {
    Trap t =
        assertThrows(
            Trap.class, () -> Linker.of(runtime).maxInstances(63).instantiate(manyInstances));
    assertEquals(
        "instantiation of many-instances-wat makes more than 63 core instances"
            + " (Linker.maxInstances; wasidl run -W max-instances=)",
        t.getMessage());
    try (Instance fits = Linker.of(runtime).maxInstances(64).instantiate(manyInstances)) {
      assertEquals(Optional.of(new Val.U32(42)), call(fits, "answer"));
    }
    assertThrows(IllegalArgumentException.class, () -> Linker.of(runtime).maxInstances(0));
  }

  @Test
  void aRecursionWithoutEndIsATrapAndOtherInstancesGoOn() {
    Linker linker = Linker.of(runtime);
    try (Instance deep = linker.instantiate(recursion);
        Instance other = linker.instantiate(recursion)) {
      Trap t =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60),
              () -> assertThrows(Trap.class, () -> call(deep, "recurse", new Val.U32(0))));
      assertTrue(t.getMessage().contains("call stack exhausted"), t.getMessage());
      assertEquals(Optional.of(new Val.U32(42)), call(other, "answer"));
    }
  }

  @Test
  void aGrowPastTheLimitReturnsMinusOneAndOtherInstancesGoOn() {
    Linker linker = Linker.of(runtime).maxMemorySize(MIB); // 16 pages
    try (Instance greedy = linker.instantiate(bomb);
        Instance other = linker.instantiate(bomb)) {
      assertEquals(Optional.of(new Val.S32(-1)), call(greedy, "grow", new Val.U32(16)));
      assertEquals(Optional.of(new Val.S32(1)), call(greedy, "grow", new Val.U32(15)));
      assertEquals(Optional.of(new Val.S32(-1)), call(greedy, "grow", new Val.U32(1)));
      assertEquals(Optional.of(new Val.S32(-1)), call(greedy, "grow", new Val.U32(0xFFFF_FFFFL)));
      // the guest is told no and goes on: nothing trapped
      assertEquals(Optional.of(new Val.U32(42)), call(greedy, "answer"));
      assertEquals(Optional.of(new Val.S32(1)), call(other, "grow", new Val.U32(1)));
    }
  }

  @Test
  void growingAPageAtATimeStopsAtTheLimit() {
    // Off-heap memories grow geometrically: 1,023 grows of one page copy about 64 MiB in all, not
    // the 32 GiB of a heap memory copied whole on every grow.
    try (Instance greedy = Linker.of(runtime).maxMemorySize(64 * MIB).instantiate(bomb)) {
      assertEquals(Optional.of(new Val.U32(1024)), call(greedy, "grow-by-pages"));
      assertEquals(Optional.of(new Val.S32(-1)), call(greedy, "grow", new Val.U32(1)));
    }
  }

  @Test
  void aMemoryThatStartsLargerThanTheLimitDoesNotInstantiate() {
    Linker linker = Linker.of(runtime).maxMemorySize(16 * MIB);
    Trap t = assertThrows(Trap.class, () -> linker.instantiate(big).close());
    assertTrue(
        t.getMessage()
            .contains(
                "memory 0 starts at 1024 pages (64 MiB), more than the limit of 256 pages (16 MiB)"
                    + " per memory (Linker.maxMemorySize; wasidl run -W max-memory-size=)"),
        t.getMessage());
    try (Instance other = linker.instantiate(bomb)) {
      assertEquals(Optional.of(new Val.U32(42)), call(other, "answer"));
    }
    // within the limit it runs
    try (Instance fits = Linker.of(runtime).maxMemorySize(64 * MIB).instantiate(big)) {
      assertEquals(Optional.of(new Val.U32(42)), call(fits, "answer"));
    }
  }

  @Test
  void theLimitIsBetweenOnePageAndFourGibibytes() {
    Linker linker = Linker.of(runtime);
    assertThrows(IllegalArgumentException.class, () -> linker.maxMemorySize(65_535));
    assertThrows(IllegalArgumentException.class, () -> linker.maxMemorySize((4L << 30) + 65_536));
    linker.maxMemorySize(65_536).maxMemorySize(4L << 30);
    assertTrue(Linker.defaultMaxMemorySize() >= 65_536);
    assertTrue(Linker.defaultMaxMemorySize() <= 4L << 30);
  }
}
