package dev.wasidl.abi;

import static dev.wasidl.abi.FlatType.F32;
import static dev.wasidl.abi.FlatType.F64;
import static dev.wasidl.abi.FlatType.I32;
import static dev.wasidl.abi.FlatType.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.types.FuncType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import dev.wasidl.types.VariantType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Spec sections "Flattening", "Flat Lifting", "Flat Lowering", "Lifting and Lowering Values". */
class CanonicalAbiFlattenTest {
  private static final VariantType F32_OR_U64 =
      VariantType.of(
          VariantType.Case.of("a", Primitive.F32), VariantType.Case.of("b", Primitive.U64));

  @Test
  void primitivesAndAggregates() {
    assertEquals(List.of(I32), CanonicalAbi.flattenType(Primitive.BOOL));
    assertEquals(List.of(I64), CanonicalAbi.flattenType(Primitive.S64));
    assertEquals(List.of(F32), CanonicalAbi.flattenType(Primitive.F32));
    assertEquals(List.of(F64), CanonicalAbi.flattenType(Primitive.F64));
    assertEquals(List.of(I32, I32), CanonicalAbi.flattenType(Primitive.STRING));
    assertEquals(List.of(I32, I32), CanonicalAbi.flattenType(new ListType(Primitive.F64)));
    assertEquals(
        List.of(I32, I64, F32),
        CanonicalAbi.flattenType(TupleType.of(Primitive.U8, Primitive.U64, Primitive.F32)));
  }

  @Test
  void variantsJoinTheirCases() {
    assertEquals(List.of(I32, I64), CanonicalAbi.flattenType(F32_OR_U64));
    assertEquals(
        List.of(I32, I32),
        CanonicalAbi.flattenType(
            VariantType.of(
                VariantType.Case.of("a", Primitive.F32), VariantType.Case.of("b", Primitive.S32))));
    assertEquals(
        List.of(I32, I64),
        CanonicalAbi.flattenType(
            VariantType.of(
                VariantType.Case.of("a", Primitive.F64),
                VariantType.Case.of("b", Primitive.F32),
                VariantType.Case.of("c"))));
    assertEquals(I32, CanonicalAbi.join(F32, I32));
    assertEquals(I64, CanonicalAbi.join(F64, F32));
    assertEquals(I64, CanonicalAbi.join(I32, I64));
  }

  @Test
  void variantPayloadsAreReinterpreted() {
    Fixture f = Fixture.of();
    Val one = new Val.Variant("a", Optional.of(new Val.F32(1.0f)));
    long[] flat = CanonicalAbi.lowerFlat(f.cx, one, F32_OR_U64);
    assertArrayEquals(new long[] {0, 0x3f800000L}, flat);
    assertEquals(one, CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(flat), F32_OR_U64));
    // lifting the f32 case from an i64 wraps to the low 32 bits
    assertEquals(
        one, CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(0, 0xdeadbeef_3f800000L), F32_OR_U64));
    assertEquals(
        new Val.Variant("b", Optional.of(new Val.U64(0xdeadbeef_3f800000L))),
        CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(1, 0xdeadbeef_3f800000L), F32_OR_U64));
    // a shorter case is padded with zeros
    VariantType v =
        VariantType.of(
            VariantType.Case.of("none"),
            VariantType.Case.of("pair", TupleType.of(Primitive.U32, Primitive.F64)));
    assertArrayEquals(
        new long[] {0, 0, 0},
        CanonicalAbi.lowerFlat(f.cx, new Val.Variant("none", Optional.empty()), v));
  }

  @Test
  void signedAndUnsignedFlatValues() {
    Fixture f = Fixture.of();
    assertArrayEquals(
        new long[] {0xffffffffL},
        CanonicalAbi.lowerFlat(f.cx, new Val.S8((byte) -1), Primitive.S8));
    assertArrayEquals(
        new long[] {-1L}, CanonicalAbi.lowerFlat(f.cx, new Val.S64(-1), Primitive.S64));
    assertEquals(
        new Val.S8((byte) -1), CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(0xff), Primitive.S8));
    assertEquals(
        new Val.U8(0xff), CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(0x1ff), Primitive.U8));
    // a sign-extended i32 reads the same as the zero-extended one
    assertEquals(
        new Val.U32(0xffffffffL),
        CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(-1L), Primitive.U32));
    assertEquals(
        new Val.Bool(true), CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(7), Primitive.BOOL));
    assertArrayEquals(
        new long[] {0x7fc00000L},
        CanonicalAbi.lowerFlat(f.cx, new Val.F32(Float.intBitsToFloat(0x7f800001)), Primitive.F32));
  }

  private static FuncType func(List<Type> params, Type result) {
    List<FuncType.Param> ps = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      ps.add(new FuncType.Param("p" + i, params.get(i)));
    }
    return new FuncType(ps, Optional.ofNullable(result));
  }

  @Test
  void functionTypes() {
    FuncType simple = func(List.of(Primitive.U32, Primitive.F32), Primitive.F64);
    assertEquals(
        new FlatFuncType(List.of(I32, F32), List.of(F64)),
        CanonicalAbi.flattenFuncType(simple, FlatFuncType.Context.LIFT));
    // two results spill: a lifted function returns a pointer, a lowered one takes an out-param
    FuncType twoResults =
        func(List.of(Primitive.STRING), TupleType.of(Primitive.U32, Primitive.U32));
    assertEquals(
        new FlatFuncType(List.of(I32, I32), List.of(I32)),
        CanonicalAbi.flattenFuncType(twoResults, FlatFuncType.Context.LIFT));
    assertEquals(
        new FlatFuncType(List.of(I32, I32, I32), List.of()),
        CanonicalAbi.flattenFuncType(twoResults, FlatFuncType.Context.LOWER));
    // more than 16 flat params spill into one pointer
    FuncType many = func(Collections.nCopies(17, Primitive.U8), null);
    assertEquals(
        new FlatFuncType(List.of(I32), List.of()),
        CanonicalAbi.flattenFuncType(many, FlatFuncType.Context.LOWER));
    FuncType sixteen = func(Collections.nCopies(16, Primitive.U8), null);
    assertEquals(
        16, CanonicalAbi.flattenFuncType(sixteen, FlatFuncType.Context.LIFT).params().size());
    assertEquals(
        "(func (param i32 f32) (result f64))",
        CanonicalAbi.flattenFuncType(simple, FlatFuncType.Context.LOWER).toString());
  }

  @Test
  void spilledValuesGoThroughRealloc() {
    Fixture f = Fixture.of();
    List<Type> ts = List.of(Primitive.U32, Primitive.U32);
    List<Val> vs = List.of(new Val.U32(1), new Val.U32(2));
    long[] flat = CanonicalAbi.lowerFlatValues(f.cx, CanonicalAbi.MAX_FLAT_RESULTS, vs, ts);
    assertArrayEquals(new long[] {Fixture.HEAP}, flat);
    assertEquals(List.of(Fixture.call(0, 0, 4, 8, Fixture.HEAP)), f.realloc.log);
    assertEquals("0100000002000000", f.memory.hex(Fixture.HEAP, 8));
    assertEquals(
        vs,
        CanonicalAbi.liftFlatValues(
            f.cx, CanonicalAbi.MAX_FLAT_RESULTS, CoreValueIter.of(flat), ts));
  }

  @Test
  void spilledResultsGoThroughTheOutParam() {
    Fixture f = Fixture.of();
    List<Type> ts = List.of(TupleType.of(Primitive.U8, Primitive.U64));
    List<Val> vs = List.of(new Val.Tuple(List.of(new Val.U8(7), new Val.U64(9))));
    long[] flat =
        CanonicalAbi.lowerFlatValues(
            f.cx, CanonicalAbi.MAX_FLAT_RESULTS, vs, ts, CoreValueIter.of(64));
    assertArrayEquals(new long[0], flat);
    assertEquals(List.of(), f.realloc.log);
    assertEquals("07000000000000000900000000000000", f.memory.hex(64, 16));
    Trap misaligned =
        assertThrows(
            Trap.class, () -> CanonicalAbi.lowerFlatValues(f.cx, 1, vs, ts, CoreValueIter.of(68)));
    assertTrue(misaligned.getMessage().contains("not aligned to 8"), misaligned.getMessage());
    assertThrows(
        Trap.class, () -> CanonicalAbi.liftFlatValues(f.cx, 1, CoreValueIter.of(1016), ts));
  }

  @Test
  void missingCoreValuesTrap() {
    Fixture f = Fixture.of();
    Trap t =
        assertThrows(
            Trap.class,
            () ->
                CanonicalAbi.liftFlat(
                    f.cx, CoreValueIter.of(1), TupleType.of(Primitive.U8, Primitive.U8)));
    assertTrue(t.getMessage().contains("expected another core value"), t.getMessage());
  }
}
