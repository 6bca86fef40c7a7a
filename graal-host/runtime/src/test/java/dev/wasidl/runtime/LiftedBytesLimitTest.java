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
 * {@link Linker#maxLiftedBytes}, against a guest whose result strings all point at the same 64 KiB
 * of its memory (testdata/guests/alias-lists-wat): past the limit the call traps naming it before
 * the strings are made, under it the strings arrive whole, and other instances go on answering.
 */
class LiftedBytesLimitTest {
  private static final long MIB = 1L << 20;
  private static GraalRuntime runtime;
  private static Component alias;

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
    alias = Component.of("alias-lists-wat", TypesGuestTest.guest("alias-lists-wat.wasm"));
  }

  @AfterAll
  static void tearDown() {
    runtime.close();
  }

  @Test
  void stringsAliasingOneAnotherStopAtTheLimit() {
    Linker linker = Linker.of(runtime).maxLiftedBytes(MIB);
    try (Instance greedy = linker.instantiate(alias);
        Instance other = linker.instantiate(alias)) {
      // 100 strings of 64 KiB from 800 bytes of list: 6.25 MiB of host strings
      Trap t =
          assertThrows(
              Trap.class, () -> greedy.func("alias").orElseThrow().call(List.of(new Val.U32(100))));
      assertTrue(
          t.getMessage()
              .contains(
                  "exceeds the host's limit of 1048576 bytes lifted per call"
                      + " (Linker.maxLiftedBytes; wasidl run -W max-lifted-bytes=)"),
          t.getMessage());
      assertEquals(
          Optional.of(new Val.U32(42)), other.func("answer").orElseThrow().call(List.of()));
      // 16 strings are 1 MiB: within the limit, whole
      Val.ListVal strings =
          (Val.ListVal)
              other.func("alias").orElseThrow().call(List.of(new Val.U32(16))).orElseThrow();
      assertEquals(16, strings.elements().size());
      for (Val s : strings.elements()) {
        assertEquals(65_536, ((Val.Str) s).value().length());
      }
    }
  }

  @Test
  void theDefaultIsSizedToTheHeap() {
    assertEquals(
        Math.max(Runtime.getRuntime().maxMemory() / 8, MIB), Linker.defaultMaxLiftedBytes());
    assertThrows(IllegalArgumentException.class, () -> Linker.of(runtime).maxLiftedBytes(0));
  }
}
