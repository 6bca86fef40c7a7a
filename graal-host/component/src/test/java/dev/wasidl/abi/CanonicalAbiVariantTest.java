package dev.wasidl.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.types.EnumType;
import dev.wasidl.types.OptionType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.RecordType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import dev.wasidl.types.VariantType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Variants, and enum, option and result as variants (despecialization). */
class CanonicalAbiVariantTest {
  private static EnumType cases(int n) {
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      names.add("c" + i);
    }
    return new EnumType(names);
  }

  @Test
  void discriminantSizes() {
    assertEquals(Primitive.U8, CanonicalAbi.discriminantType(1));
    assertEquals(Primitive.U8, CanonicalAbi.discriminantType(256));
    assertEquals(Primitive.U16, CanonicalAbi.discriminantType(257));
    assertEquals(Primitive.U16, CanonicalAbi.discriminantType(65536));
    assertEquals(Primitive.U32, CanonicalAbi.discriminantType(65537));
    assertEquals(1, CanonicalAbi.elemSize(cases(256)));
    assertEquals(2, CanonicalAbi.elemSize(cases(257)));
    assertEquals(4, CanonicalAbi.elemSize(cases(65537)));
    assertEquals(4, CanonicalAbi.alignment(cases(65537)));
  }

  @Test
  void despecialization() {
    assertEquals(
        VariantType.of(VariantType.Case.of("none"), VariantType.Case.of("some", Primitive.U8)),
        CanonicalAbi.despecialize(new OptionType(Primitive.U8)));
    assertEquals(
        VariantType.of(
            new VariantType.Case("ok", Optional.empty()),
            VariantType.Case.of("error", Primitive.STRING)),
        CanonicalAbi.despecialize(new ResultType(Optional.empty(), Optional.of(Primitive.STRING))));
    assertEquals(
        RecordType.of(new RecordType.Field("0", Primitive.U8)),
        CanonicalAbi.despecialize(dev.wasidl.types.TupleType.of(Primitive.U8)));
  }

  @Test
  void optionAndResultLayouts() {
    assertEquals(2, CanonicalAbi.elemSize(new OptionType(Primitive.U8)));
    assertEquals(16, CanonicalAbi.elemSize(new OptionType(Primitive.U64)));
    assertEquals(8, CanonicalAbi.alignment(new OptionType(Primitive.F64)));
    ResultType r = ResultType.of(Primitive.STRING, Primitive.U8);
    assertEquals(12, CanonicalAbi.elemSize(r));
    Fixture f = Fixture.of();
    CanonicalAbi.store(f.cx, Val.ResultVal.err(new Val.U8(9)), r, 8);
    assertEquals("01000000" + "09", f.memory.hex(8, 5));
    assertEquals(Val.ResultVal.err(new Val.U8(9)), CanonicalAbi.load(f.cx, 8, r));
    CanonicalAbi.store(
        f.cx, new Val.OptionVal(Optional.of(new Val.U64(5))), new OptionType(Primitive.U64), 32);
    assertEquals("01" + "00".repeat(7) + "0500000000000000", f.memory.hex(32, 16));
  }

  private static void roundTrip(Type t, Val v) {
    Fixture f = Fixture.of();
    assertEquals(
        v, CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(CanonicalAbi.lowerFlat(f.cx, v, t)), t));
    CanonicalAbi.store(f.cx, v, t, 64);
    assertEquals(v, CanonicalAbi.load(f.cx, 64, t));
  }

  @Test
  void roundTrips() {
    VariantType shape =
        VariantType.of(
            VariantType.Case.of("circle", Primitive.F64),
            VariantType.Case.of(
                "rect", dev.wasidl.types.TupleType.of(Primitive.S32, Primitive.S32)),
            VariantType.Case.of("none"));
    roundTrip(shape, new Val.Variant("circle", Optional.of(new Val.F64(2.5))));
    roundTrip(
        shape,
        new Val.Variant(
            "rect", Optional.of(new Val.Tuple(List.of(new Val.S32(-1), new Val.S32(2))))));
    roundTrip(shape, new Val.Variant("none", Optional.empty()));
    roundTrip(cases(300), new Val.EnumVal("c299"));
    roundTrip(
        new OptionType(new OptionType(Primitive.U8)),
        new Val.OptionVal(Optional.of(new Val.OptionVal(Optional.empty()))));
    roundTrip(new ResultType(Optional.empty(), Optional.empty()), Val.ResultVal.ok());
    roundTrip(ResultType.of(Primitive.S64, Primitive.STRING), Val.ResultVal.err(new Val.Str("no")));
    Fixture f = Fixture.of();
    assertArrayEquals(
        new long[] {0, 0xfffffffffffffffeL},
        CanonicalAbi.lowerFlat(
            f.cx,
            Val.ResultVal.ok(new Val.S64(-2)),
            new ResultType(Optional.of(Primitive.S64), Optional.of(Primitive.F32))));
  }

  @Test
  void badDiscriminantsTrap() {
    Fixture f = Fixture.of();
    EnumType abc = EnumType.of("a", "b", "c");
    Trap lift =
        assertThrows(Trap.class, () -> CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(3), abc));
    assertEquals(
        "invalid discriminant 3 for enum { a, b, c }, which has 3 cases", lift.getMessage());
    f.memory.with(8, "02");
    Trap load =
        assertThrows(Trap.class, () -> CanonicalAbi.load(f.cx, 8, new OptionType(Primitive.U8)));
    assertTrue(
        load.getMessage().startsWith("invalid discriminant 2 for option<u8>"), load.getMessage());
    assertThrows(Trap.class, () -> CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(-1L), abc));
  }

  @Test
  void valuesThatDoNotMatchTheirCaseTrap() {
    Fixture f = Fixture.of();
    VariantType v =
        VariantType.of(VariantType.Case.of("a", Primitive.U8), VariantType.Case.of("b"));
    assertThrows(
        Trap.class, () -> CanonicalAbi.lowerFlat(f.cx, new Val.Variant("c", Optional.empty()), v));
    Trap payload =
        assertThrows(
            Trap.class,
            () -> CanonicalAbi.lowerFlat(f.cx, new Val.Variant("a", Optional.empty()), v));
    assertTrue(payload.getMessage().contains("needs a payload"), payload.getMessage());
    assertThrows(
        Trap.class,
        () -> CanonicalAbi.lowerFlat(f.cx, new Val.Variant("b", Optional.of(new Val.U8(1))), v));
    assertThrows(
        Trap.class, () -> CanonicalAbi.lowerFlat(f.cx, new Val.EnumVal("z"), EnumType.of("a")));
  }
}
