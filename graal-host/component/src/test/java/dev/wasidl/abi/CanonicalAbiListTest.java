package dev.wasidl.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.types.ListType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.U8List;
import dev.wasidl.types.Val;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lists: layout, allocation, and the bounds checks of lifting. */
class CanonicalAbiListTest {
  private static final int H = Fixture.HEAP;

  @Test
  void listOfU32() {
    Fixture f = Fixture.of();
    ListType t = new ListType(Primitive.U32);
    Val v = new Val.ListVal(List.of(new Val.U32(1), new Val.U32(2), new Val.U32(3)));
    long[] flat = CanonicalAbi.lowerFlat(f.cx, v, t);
    assertArrayEquals(new long[] {H, 3}, flat);
    assertEquals(List.of(Fixture.call(0, 0, 4, 12, H)), f.realloc.log);
    assertEquals("010000000200000003000000", f.memory.hex(H, 12));
    assertEquals(v, CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(flat), t));
  }

  @Test
  void listOfStringsAllocatesTheListFirst() {
    Fixture f = Fixture.of();
    ListType t = new ListType(Primitive.STRING);
    Val v = new Val.ListVal(List.of(new Val.Str("ab"), new Val.Str("c")));
    CanonicalAbi.store(f.cx, v, t, 8);
    assertEquals(
        List.of(
            Fixture.call(0, 0, 4, 16, H),
            Fixture.call(0, 0, 1, 2, H + 16),
            Fixture.call(0, 0, 1, 1, H + 18)),
        f.realloc.log);
    assertEquals("0001000002000000", f.memory.hex(8, 8));
    assertEquals("100100000200000012010000010000006162" + "63", f.memory.hex(H, 19));
    assertEquals(v, CanonicalAbi.load(f.cx, 8, t));
  }

  @Test
  void bytesAndEmptyLists() {
    Fixture f = Fixture.of();
    ListType bytes = new ListType(Primitive.U8);
    Val v = new Val.ListVal(List.of(new Val.U8(0), new Val.U8(255)));
    assertEquals(
        v,
        CanonicalAbi.liftFlat(
            f.cx, CoreValueIter.of(CanonicalAbi.lowerFlat(f.cx, v, bytes)), bytes));
    Val empty = new Val.ListVal(List.of());
    long[] flat = CanonicalAbi.lowerFlat(f.cx, empty, new ListType(Primitive.U64));
    assertEquals(0, flat[1]);
    assertEquals(
        empty, CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(1024, 0), new ListType(Primitive.U64)));
  }

  @Test
  void bytesAreLiftedAsAByteBackedListEqualToOneOfU8Values() {
    Fixture f = Fixture.of();
    ListType bytes = new ListType(Primitive.U8);
    Val byteBacked = new Val.ListVal(U8List.copyOf(new byte[] {0, 1, (byte) 255}));
    Val values = new Val.ListVal(List.of(new Val.U8(0), new Val.U8(1), new Val.U8(255)));
    assertEquals(values, byteBacked);
    assertEquals(byteBacked, values);
    assertEquals(values.hashCode(), byteBacked.hashCode());
    assertEquals("[0, 1, 255]", byteBacked.toString());
    long[] flat = CanonicalAbi.lowerFlat(f.cx, byteBacked, bytes);
    assertEquals("0001ff", f.memory.hex(H, 3));
    Val lifted = CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(flat), bytes);
    assertInstanceOf(U8List.class, ((Val.ListVal) lifted).elements());
    assertEquals(values, lifted);
    Trap notS8 =
        assertThrows(
            Trap.class, () -> CanonicalAbi.lowerFlat(f.cx, byteBacked, new ListType(Primitive.S8)));
    assertTrue(notS8.getMessage().contains("type mismatch"), notS8.getMessage());
  }

  @Test
  void outOfBoundsMisalignedAndTooLongListsTrap() {
    Fixture f = Fixture.of();
    ListType t = new ListType(Primitive.U32);
    Trap oob =
        assertThrows(Trap.class, () -> CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(1000, 7), t));
    assertEquals(
        "list of 28 bytes at 1000 is out of bounds of a memory of 1024 bytes", oob.getMessage());
    Trap misaligned =
        assertThrows(Trap.class, () -> CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(2, 1), t));
    assertEquals("list pointer 2 is not aligned to 4", misaligned.getMessage());
    Trap tooLong =
        assertThrows(
            Trap.class, () -> CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(0, 1L << 26), t));
    assertTrue(tooLong.getMessage().contains("maximum list byte length"), tooLong.getMessage());
    Trap wraps =
        assertThrows(
            Trap.class, () -> CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(0xfffffff0L, 8), t));
    assertTrue(wraps.getMessage().contains("out of bounds"), wraps.getMessage());
  }

  @Test
  void badElementsTrap() {
    Fixture f = Fixture.of();
    f.memory.with(H, "4100000000d80000");
    Trap t =
        assertThrows(
            Trap.class,
            () ->
                CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(H, 2), new ListType(Primitive.CHAR)));
    assertEquals("invalid char: 0xd800 is a surrogate", t.getMessage());
  }
}
