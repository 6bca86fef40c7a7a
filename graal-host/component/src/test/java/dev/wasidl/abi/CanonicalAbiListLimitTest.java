package dev.wasidl.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.types.ListType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, reproduction 7 at its root: lifting a guest's list makes one host object per element,
 * and lists may alias each other, so a per-call limit on elements lifted traps before the host
 * allocates them; {@code list<u8>} is lifted as bytes and not counted.
 */
class CanonicalAbiListLimitTest {
  private static final Type U32S = new ListType(Primitive.U32);

  /** Lifts a {@code (ptr, len)} list of {@code type} with a call's borrow scope and a limit. */
  private static List<Val> lift(Fixture f, long limit, Type type, int ptr, int len) {
    return lift(f.cx.withMaxListElements(limit), type, ptr, len);
  }

  private static List<Val> lift(LiftLowerContext limited, Type type, int ptr, int len) {
    LiftLowerContext cx = limited.withBorrowScope(BorrowScope.open());
    return CanonicalAbi.liftFlatValues(
        cx, CanonicalAbi.MAX_FLAT_PARAMS, CoreValueIter.of(ptr, len), List.of(type));
  }

  @Test
  void aLongListTrapsBeforeItIsLifted() {
    Fixture f = Fixture.ofSize(1 << 20);
    Trap t = assertThrows(Trap.class, () -> lift(f, 1000, U32S, 0, 1001));
    assertEquals(
        "list of 1001 elements exceeds the host's limit of 1000 list elements lifted per call"
            + " (Linker.maxListElements; wasidl run -W max-list-elements=)",
        t.getMessage());
    assertEquals(1000, ((Val.ListVal) lift(f, 1000, U32S, 0, 1000).getFirst()).elements().size());
  }

  @Test
  void aliasedListsCountEveryTime() {
    // 1000 list<u32> headers all pointing at one list of 2000 elements: 2M elements from 16 KB
    Fixture f = Fixture.ofSize(1 << 20);
    int inner = 0;
    int outer = 16_384;
    for (int i = 0; i < 1000; i++) {
      f.memory.storeI32(outer + 8 * i, inner);
      f.memory.storeI32(outer + 8 * i + 4, 2000);
    }
    long start = System.nanoTime();
    Trap t = assertThrows(Trap.class, () -> lift(f, 1L << 20, new ListType(U32S), outer, 1000));
    assertTrue(t.getMessage().contains("limit of 1048576"), t.getMessage());
    assertTrue(System.nanoTime() - start < 5_000_000_000L);
  }

  /** Lifts with a limit on the bytes of strings and byte lists instead. */
  private static List<Val> liftBytes(Fixture f, long limit, Type type, int ptr, int len) {
    return lift(f.cx.withMaxLiftedBytes(limit), type, ptr, len);
  }

  @Test
  void aliasedStringsAndByteListsCountTheirBytesEveryTime() {
    // 100 headers all pointing at the same 64 KiB: 6.25 MiB of host strings or bytes from 800 B
    Fixture f = Fixture.ofSize(1 << 20);
    int outer = 1 << 17;
    for (int i = 0; i < 100; i++) {
      f.memory.storeI32(outer + 8 * i, 0);
      f.memory.storeI32(outer + 8 * i + 4, 65_536);
    }
    for (Type element : List.of(Primitive.STRING, new ListType(Primitive.U8))) {
      Trap t =
          assertThrows(Trap.class, () -> liftBytes(f, 1 << 20, new ListType(element), outer, 100));
      assertEquals(
          "lifting 65536 more bytes of strings or byte lists exceeds the host's limit of 1048576"
              + " bytes lifted per call (Linker.maxLiftedBytes; wasidl run -W max-lifted-bytes=)",
          t.getMessage());
      // 16 of them are exactly the limit
      assertEquals(
          16,
          ((Val.ListVal) liftBytes(f, 1 << 20, new ListType(element), outer, 16).getFirst())
              .elements()
              .size());
    }
  }

  @Test
  void bytesAreNotElements() {
    Fixture f = Fixture.ofSize(1 << 20);
    Val.ListVal bytes =
        (Val.ListVal) lift(f, 10, new ListType(Primitive.U8), 0, 1 << 19).getFirst();
    assertEquals(1 << 19, bytes.elements().size());
  }
}
