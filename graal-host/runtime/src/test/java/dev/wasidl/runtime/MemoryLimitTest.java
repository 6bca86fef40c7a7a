package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.types.Val;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Linker#maxMemorySize}, against guests that take memory (testdata/guests/memory-bomb-wat):
 * a {@code memory.grow} past the limit returns -1 as wasm says of any maximum, growing a page at a
 * time stops at the limit, a memory that starts larger fails instantiation with a trap naming the
 * limit, and other instances in the same JVM go on answering.
 */
class MemoryLimitTest {
  private static final long MIB = 1L << 20;
  private static GraalRuntime runtime;
  private static Component bomb;
  private static Component big;

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
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
