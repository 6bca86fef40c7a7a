package dev.wasidl.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.types.Primitive;
import dev.wasidl.types.RecordType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec sections "Alignment", "Element Size", "Loading" and "Storing". */
class CanonicalAbiLoadStoreTest {
  private static final RecordType U8_U32_U16 =
      RecordType.of(
          new RecordType.Field("a", Primitive.U8),
          new RecordType.Field("b", Primitive.U32),
          new RecordType.Field("c", Primitive.U16));

  @Test
  void recordLayout() {
    assertEquals(4, CanonicalAbi.alignment(U8_U32_U16));
    assertEquals(12, CanonicalAbi.elemSize(U8_U32_U16));
    Fixture f = Fixture.of();
    Val v =
        new Val.RecordVal(
            List.of(
                new Val.Field("a", new Val.U8(0xaa)),
                new Val.Field("b", new Val.U32(0x11223344L)),
                new Val.Field("c", new Val.U16(0xbeef))));
    CanonicalAbi.store(f.cx, v, U8_U32_U16, 16);
    // a at 0, padding, b at 4, c at 8, padding to 12
    assertEquals("aa000000" + "44332211" + "efbe0000", f.memory.hex(16, 12));
    assertEquals(v, CanonicalAbi.load(f.cx, 16, U8_U32_U16));
  }

  @Test
  void tupleLayout() {
    TupleType t = TupleType.of(Primitive.U8, Primitive.U64, Primitive.U8);
    assertEquals(8, CanonicalAbi.alignment(t));
    assertEquals(24, CanonicalAbi.elemSize(t));
    Fixture f = Fixture.of();
    Val v = new Val.Tuple(List.of(new Val.U8(1), new Val.U64(-1L), new Val.U8(2)));
    CanonicalAbi.store(f.cx, v, t, 8);
    assertEquals(
        "01" + "00".repeat(7) + "ff".repeat(8) + "02" + "00".repeat(7), f.memory.hex(8, 24));
    assertEquals(v, CanonicalAbi.load(f.cx, 8, t));
  }

  private static void roundTrip(Type t, Val v, String hex) {
    Fixture f = Fixture.of();
    CanonicalAbi.store(f.cx, v, t, 8);
    assertEquals(hex, f.memory.hex(8, CanonicalAbi.elemSize(t)), t.toString());
    assertEquals(v, CanonicalAbi.load(f.cx, 8, t), t.toString());
  }

  @Test
  void primitives() {
    roundTrip(Primitive.BOOL, new Val.Bool(true), "01");
    roundTrip(Primitive.S8, new Val.S8((byte) -2), "fe");
    roundTrip(Primitive.U8, new Val.U8(254), "fe");
    roundTrip(Primitive.S16, new Val.S16((short) -2), "feff");
    roundTrip(Primitive.U16, new Val.U16(65534), "feff");
    roundTrip(Primitive.S32, new Val.S32(-2), "feffffff");
    roundTrip(Primitive.U32, new Val.U32(0xfffffffeL), "feffffff");
    roundTrip(Primitive.S64, new Val.S64(-2), "feffffffffffffff");
    roundTrip(Primitive.U64, new Val.U64(-2), "feffffffffffffff");
    roundTrip(Primitive.F32, new Val.F32(1.0f), "0000803f");
    roundTrip(Primitive.F64, new Val.F64(-2.0), "00000000000000c0");
    roundTrip(Primitive.CHAR, new Val.Char(0x1f600), "00f60100");
    assertEquals("18446744073709551614", new Val.U64(-2).toString());
  }

  @Test
  void boolIsNonzero() {
    Fixture f = Fixture.of();
    f.memory.with(8, "02");
    assertEquals(new Val.Bool(true), CanonicalAbi.load(f.cx, 8, Primitive.BOOL));
  }

  @Test
  void nansAreCanonical() {
    Fixture f = Fixture.of();
    f.memory.with(8, "0100c0ff").with(16, "010000000000f8ff");
    Val f32 = CanonicalAbi.load(f.cx, 8, Primitive.F32);
    Val f64 = CanonicalAbi.load(f.cx, 16, Primitive.F64);
    assertEquals(0x7fc00000, Float.floatToRawIntBits(((Val.F32) f32).value()));
    assertEquals(0x7ff8000000000000L, Double.doubleToRawLongBits(((Val.F64) f64).value()));
    CanonicalAbi.store(f.cx, new Val.F32(Float.intBitsToFloat(0xffc00001)), Primitive.F32, 8);
    assertEquals("0000c07f", f.memory.hex(8, 4));
  }

  @Test
  void invalidCharsTrap() {
    Fixture f = Fixture.of();
    f.memory.with(8, "00d80000").with(12, "00001100");
    Trap surrogate = assertThrows(Trap.class, () -> CanonicalAbi.load(f.cx, 8, Primitive.CHAR));
    assertEquals("invalid char: 0xd800 is a surrogate", surrogate.getMessage());
    Trap big = assertThrows(Trap.class, () -> CanonicalAbi.load(f.cx, 12, Primitive.CHAR));
    assertEquals("invalid char: 0x110000 is beyond U+10FFFF", big.getMessage());
  }

  @Test
  void misalignedAndOutOfBoundsTrap() {
    Fixture f = Fixture.of();
    Trap misaligned = assertThrows(Trap.class, () -> CanonicalAbi.load(f.cx, 6, Primitive.U32));
    assertTrue(misaligned.getMessage().contains("not aligned to 4"), misaligned.getMessage());
    Trap oob = assertThrows(Trap.class, () -> CanonicalAbi.load(f.cx, 1024, Primitive.U64));
    assertTrue(oob.getMessage().contains("out of bounds"), oob.getMessage());
    assertThrows(Trap.class, () -> CanonicalAbi.load(f.cx, -8, Primitive.U64));
    assertThrows(Trap.class, () -> CanonicalAbi.store(f.cx, new Val.U64(1), Primitive.U64, 1024));
  }

  @Test
  void valuesNotOfTheirTypeTrap() {
    Fixture f = Fixture.of();
    Trap t =
        assertThrows(Trap.class, () -> CanonicalAbi.store(f.cx, new Val.S32(1), Primitive.U32, 8));
    assertEquals("type mismatch: value 1 is not a u32", t.getMessage());
    Val missing = new Val.RecordVal(List.of(new Val.Field("a", new Val.U8(1))));
    assertThrows(Trap.class, () -> CanonicalAbi.store(f.cx, missing, U8_U32_U16, 8));
  }

  @Test
  void noMemoryTraps() {
    LiftLowerContext cx = LiftLowerContext.of(ResourceTable.of(java.util.Set.of()));
    Trap t = assertThrows(Trap.class, () -> CanonicalAbi.load(cx, 0, Primitive.U8));
    assertTrue(t.getMessage().contains("needs a memory"), t.getMessage());
  }
}
