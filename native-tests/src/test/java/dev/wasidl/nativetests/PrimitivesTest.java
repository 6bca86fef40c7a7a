package dev.wasidl.nativetests;

import static dev.wasidl.nativetests.Natives.fn;
import static dev.wasidl.nativetests.Natives.ret;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasidl.ffm.Function;
import dev.wasidl.ffm.IncomingPrimitive;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.OutgoingPrimitive;
import dev.wasidl.ffm.PrimitiveType;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every wasi:dl primitive type as argument and result, at its edges, through libwasidl_prims. */
class PrimitivesTest {
  private static final Map<PrimitiveType, String> SUFFIX = new EnumMap<>(PrimitiveType.class);

  static {
    String[] names = {
      "schar", "uchar", "short", "ushort", "int", "uint", "long", "ulong", "llong", "ullong",
      "float", "double", "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "ptr"
    };
    PrimitiveType[] types = PrimitiveType.values(); // WIT order, as the names above
    for (int i = 0; i < names.length; i++) {
      SUFFIX.put(types[i], names[i]);
    }
  }

  private static Library lib;

  @BeforeAll
  static void open() {
    lib = Natives.open("wasidl_prims");
  }

  @AfterAll
  static void close() {
    lib.close();
  }

  private static Function f(String name, PrimitiveType t, int params) {
    String w = t.witName();
    String args = params == 0 ? "" : params == 1 ? w : w + ", " + w;
    return fn(lib, name + "_" + SUFFIX.get(t), "(" + args + ") -> " + w);
  }

  /** Canonical bits of the type's minimum and maximum, as C's limits.h says. */
  private static long min(PrimitiveType t) {
    long size = t.byteSize();
    return switch (t.kind()) {
      case SIGNED -> size == 8 ? Long.MIN_VALUE : -(1L << (size * 8 - 1));
      case UNSIGNED, POINTER -> 0;
      case FLOAT ->
          t == PrimitiveType.C_FLOAT
              ? Integer.toUnsignedLong(Float.floatToRawIntBits(-Float.MAX_VALUE))
              : Double.doubleToRawLongBits(-Double.MAX_VALUE);
    };
  }

  private static long max(PrimitiveType t) {
    long size = t.byteSize();
    return switch (t.kind()) {
      case SIGNED -> size == 8 ? Long.MAX_VALUE : (1L << (size * 8 - 1)) - 1;
      case UNSIGNED, POINTER -> size == 8 ? -1L : (1L << (size * 8)) - 1;
      case FLOAT ->
          t == PrimitiveType.C_FLOAT
              ? Integer.toUnsignedLong(Float.floatToRawIntBits(Float.MAX_VALUE))
              : Double.doubleToRawLongBits(Double.MAX_VALUE);
    };
  }

  @ParameterizedTest
  @EnumSource(PrimitiveType.class)
  void minAndMaxComeBackExactly(PrimitiveType t) {
    IncomingPrimitive lo = ret(f("min", t, 0).call());
    IncomingPrimitive hi = ret(f("max", t, 0).call());
    assertEquals(t, lo.type());
    assertEquals(min(t), lo.bits(), () -> t + " min " + lo);
    assertEquals(max(t), hi.bits(), () -> t + " max " + hi);
    // and through the fast path
    assertEquals(max(t), f("max", t, 0).invokeRaw(new long[0]));
  }

  @ParameterizedTest
  @EnumSource(PrimitiveType.class)
  void identityAtTheEdges(PrimitiveType t) {
    Function id = f("id", t, 1);
    for (long bits : new long[] {min(t), max(t), t.kind() == PrimitiveType.Kind.SIGNED ? -1 : 1}) {
      IncomingPrimitive back = ret(id.call(raw(t, bits)));
      assertEquals(bits, back.bits(), () -> t + " id " + Long.toHexString(bits));
      assertEquals(bits, id.invokeRaw(new long[] {bits}));
    }
  }

  private static OutgoingPrimitive raw(PrimitiveType t, long bits) {
    return switch (t.kind()) {
      case SIGNED -> OutgoingPrimitive.ofSigned(t, bits);
      case UNSIGNED, POINTER -> OutgoingPrimitive.ofUnsigned(t, bits);
      case FLOAT ->
          t == PrimitiveType.C_FLOAT
              ? OutgoingPrimitive.ofFloat(t, Float.intBitsToFloat((int) bits))
              : OutgoingPrimitive.ofDouble(t, Double.longBitsToDouble(bits));
    };
  }

  @ParameterizedTest
  @EnumSource(
      value = PrimitiveType.class,
      names = {"C_FLOAT", "C_DOUBLE", "POINTER"},
      mode = EnumSource.Mode.EXCLUDE)
  void integersWrapAndWidenAsC(PrimitiveType t) {
    // max + 1 wraps to min, for signed types too
    IncomingPrimitive wrapped = ret(f("add", t, 2).call(raw(t, max(t)), raw(t, 1)));
    assertEquals(min(t), wrapped.bits(), () -> t + " wrap");
    // what C received, widened to long long: sign extension for signed, zero for unsigned
    Function widen = fn(lib, "widen_" + SUFFIX.get(t), "(" + t.witName() + ") -> c-long-long");
    assertEquals(min(t), ret(widen.call(raw(t, min(t)))).getS64(), () -> t + " widen min");
    assertEquals(max(t), ret(widen.call(raw(t, max(t)))).bits(), () -> t + " widen max");
  }

  @Test
  void signExtensionOfNarrowSignedTypes() {
    Function widenSchar = fn(lib, "widen_schar", "(c-schar) -> c-long-long");
    Function widenShort = fn(lib, "widen_short", "(c-short) -> c-long-long");
    Function widenUchar = fn(lib, "widen_uchar", "(c-uchar) -> c-long-long");
    Function widenUint = fn(lib, "widen_uint", "(c-uint) -> c-long-long");
    assertEquals(
        -1, ret(widenSchar.call(OutgoingPrimitive.ofSigned(PrimitiveType.C_SCHAR, -1))).getS64());
    assertEquals(
        -32768,
        ret(widenShort.call(OutgoingPrimitive.ofSigned(PrimitiveType.C_SHORT, -32768))).getS64());
    assertEquals(
        255,
        ret(widenUchar.call(OutgoingPrimitive.ofUnsigned(PrimitiveType.C_UCHAR, 255))).getS64());
    assertEquals(
        4294967295L,
        ret(widenUint.call(OutgoingPrimitive.ofUnsigned(PrimitiveType.C_UINT, 4294967295L)))
            .getS64());
    // returned narrow values keep their sign (or not)
    assertEquals(-128, ret(f("min", PrimitiveType.C_SCHAR, 0).call()).getS8());
    assertEquals(255, ret(f("max", PrimitiveType.C_UCHAR, 0).call()).getU8());
    assertEquals(65535, ret(f("max", PrimitiveType.UINT16_T, 0).call()).getU16());
    assertEquals(-1L, ret(f("max", PrimitiveType.C_ULONG_LONG, 0).call()).getU64());
  }

  @Test
  void nanInfinityAndDenormals() {
    Function classifyD = fn(lib, "classify_double", "(c-double) -> c-int");
    Function classifyF = fn(lib, "classify_float", "(c-float) -> c-int");
    assertEquals(0x7ff8000000000000L, ret(fn(lib, "nan_double", "() -> c-double").call()).bits());
    assertEquals(0x7fc00000L, ret(fn(lib, "nan_float", "() -> c-float").call()).bits());
    assertEquals(
        Double.POSITIVE_INFINITY, ret(fn(lib, "inf_double", "() -> c-double").call()).getF64());
    assertEquals(
        Float.POSITIVE_INFINITY, ret(fn(lib, "inf_float", "() -> c-float").call()).getF32());
    assertEquals(Double.MIN_VALUE, ret(fn(lib, "denorm_double", "() -> c-double").call()).getF64());
    assertEquals(Float.MIN_VALUE, ret(fn(lib, "denorm_float", "() -> c-float").call()).getF32());
    PrimitiveType d = PrimitiveType.C_DOUBLE;
    PrimitiveType fl = PrimitiveType.C_FLOAT;
    assertEquals(0, ret(classifyD.call(OutgoingPrimitive.ofDouble(d, Double.NaN))).getS32());
    assertEquals(
        1, ret(classifyD.call(OutgoingPrimitive.ofDouble(d, Double.NEGATIVE_INFINITY))).getS32());
    assertEquals(2, ret(classifyD.call(OutgoingPrimitive.ofDouble(d, -0.0))).getS32());
    assertEquals(3, ret(classifyD.call(OutgoingPrimitive.ofDouble(d, Double.MIN_VALUE))).getS32());
    assertEquals(4, ret(classifyD.call(OutgoingPrimitive.ofDouble(d, 1e300))).getS32());
    assertEquals(0, ret(classifyF.call(OutgoingPrimitive.ofFloat(fl, Float.NaN))).getS32());
    assertEquals(3, ret(classifyF.call(OutgoingPrimitive.ofFloat(fl, Float.MIN_VALUE))).getS32());
    assertEquals(
        1, ret(classifyF.call(OutgoingPrimitive.ofDouble(fl, Double.POSITIVE_INFINITY))).getS32());
    // a NaN payload passes through untouched
    long payload = 0x7ff0000000000abcL;
    assertEquals(payload, f("id", d, 1).invokeRaw(new long[] {payload}));
    assertEquals(-0.0, ret(f("id", d, 1).call(OutgoingPrimitive.ofDouble(d, -0.0))).getF64());
  }

  @Test
  void benchmarkStaples() {
    assertEquals(0, fn(lib, "noop", "()").invokeRaw(new long[0]));
    assertEquals(
        7,
        ret(fn(lib, "add", "(c-int, c-int) -> c-int")
                .call(raw(PrimitiveType.C_INT, 3), raw(PrimitiveType.C_INT, 4)))
            .getS32());
    Function mix = fn(lib, "mix", "(c-double, c-int, c-long, c-float) -> c-double");
    assertEquals(
        1.5 + 2 + 3_000_000_000L + 0.25,
        ret(mix.call(
                OutgoingPrimitive.ofDouble(PrimitiveType.C_DOUBLE, 1.5),
                OutgoingPrimitive.ofSigned(PrimitiveType.C_INT, 2),
                OutgoingPrimitive.ofSigned(PrimitiveType.C_LONG, 3_000_000_000L),
                OutgoingPrimitive.ofFloat(PrimitiveType.C_FLOAT, 0.25f)))
            .getF64());
  }
}
