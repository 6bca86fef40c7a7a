package dev.wasidl.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasidl.testkit.component.FuzzedTypes;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import java.util.List;

/**
 * Lifting from arbitrary guest memory, guided by coverage (Jazzer): a value type drawn from the
 * input, then {@code load} of it at an arbitrary address of memory filled from the input. A load
 * either traps ({@link Trap}, the guest's fault) or gives a value; anything else is a finding. A
 * value loaded is stored into fresh memory and loaded again, and flattened and lifted again: both
 * must give the same value (lift and lower agree). Replays {@code CanonicalAbiFuzzTestInputs}
 * without {@code JAZZER_FUZZ}; the build's {@code fuzz-canonical-abi} execution fuzzes it.
 */
class CanonicalAbiFuzzTest {
  // small, so that aliasing lists stay small too (a list of 128 lists of 128 strings of 1 KiB)
  private static final int MEMORY = 1024;

  @FuzzTest
  void loadThenStoreAgain(FuzzedDataProvider data) {
    Type type = FuzzedTypes.type(data, 3);
    int ptr = data.consumeInt(0, MEMORY);
    Fixture guest = Fixture.ofSize(MEMORY);
    byte[] bytes = data.consumeRemainingAsBytes();
    System.arraycopy(bytes, 0, guest.memory.bytes, 0, Math.min(bytes.length, MEMORY));
    Val value;
    try {
      value = CanonicalAbi.load(guest.cx, ptr, type);
    } catch (Trap expected) {
      return; // out of bounds, misaligned, a bad discriminant, char or UTF-8: the guest's fault
    }
    if (CanonicalAbi.elemSize(type) > Fixture.HEAP) {
      return; // the value goes below the heap, where its strings and lists are allocated
    }
    // Strings and lists may alias each other in guest memory, so the value may take much more
    // room than the memory it came from: store it into memories ever larger until one holds it.
    // A store that fails for any other reason fails at every size.
    for (int size = 1 << 16; ; size <<= 4) {
      Fixture again = Fixture.ofSize(size);
      long[] flat;
      try {
        CanonicalAbi.store(again.cx, value, type, 0);
        flat =
            CanonicalAbi.lowerFlatValues(
                again.cx, Integer.MAX_VALUE, List.of(value), List.of(type));
      } catch (Trap full) {
        if (size >= 1 << 28) {
          throw full;
        }
        continue;
      }
      assertEquals(value, CanonicalAbi.load(again.cx, 0, type));
      assertEquals(
          List.of(value),
          CanonicalAbi.liftFlatValues(
              again.cx, Integer.MAX_VALUE, CoreValueIter.of(flat), List.of(type)));
      return;
    }
  }
}
