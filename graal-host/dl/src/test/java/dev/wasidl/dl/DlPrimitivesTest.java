package dev.wasidl.dl;

import static dev.wasidl.dl.Guest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.bindings.Resource;
import dev.wasidl.dl.bindings.wasi.dl.Dll;
import dev.wasidl.dl.bindings.wasi.dl.Ffi;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.nativetests.NativeLibs;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every wasi:dl primitive type both ways through the generated interfaces, against
 * libwasidl_prims.so: the guest's value goes in through a setter, C echoes it ({@code id_*}), adds
 * ({@code add_*}), reports what it received ({@code widen_*}) or returns its limits, and the value
 * comes back through a getter.
 */
class DlPrimitivesTest {
  private static final String PRIMS = NativeLibs.path("wasidl_prims").toString();

  private Guest g;
  private Resource<Dll.Library> lib;

  @BeforeEach
  void open() {
    g = new Guest(DlPolicy.builder().allow(PRIMS).build());
    lib = g.open(PRIMS);
  }

  @AfterEach
  void close() {
    g.close();
  }

  /** Suffix, type, min, max (canonical bits: unsigned maxima as their 64-bit pattern). */
  static Stream<Arguments> integers() {
    return Stream.of(
        Arguments.of("schar", PrimitiveType.C_SCHAR, -128L, 127L),
        Arguments.of("uchar", PrimitiveType.C_UCHAR, 0L, 255L),
        Arguments.of("short", PrimitiveType.C_SHORT, -32768L, 32767L),
        Arguments.of("ushort", PrimitiveType.C_USHORT, 0L, 65535L),
        Arguments.of(
            "int", PrimitiveType.C_INT, (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE),
        Arguments.of("uint", PrimitiveType.C_UINT, 0L, 4294967295L),
        Arguments.of("long", PrimitiveType.C_LONG, Long.MIN_VALUE, Long.MAX_VALUE),
        Arguments.of("ulong", PrimitiveType.C_ULONG, 0L, -1L),
        Arguments.of("llong", PrimitiveType.C_LONG_LONG, Long.MIN_VALUE, Long.MAX_VALUE),
        Arguments.of("ullong", PrimitiveType.C_ULONG_LONG, 0L, -1L),
        Arguments.of("i8", PrimitiveType.INT8_T, -128L, 127L),
        Arguments.of("i16", PrimitiveType.INT16_T, -32768L, 32767L),
        Arguments.of(
            "i32", PrimitiveType.INT32_T, (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE),
        Arguments.of("i64", PrimitiveType.INT64_T, Long.MIN_VALUE, Long.MAX_VALUE),
        Arguments.of("u8", PrimitiveType.UINT8_T, 0L, 255L),
        Arguments.of("u16", PrimitiveType.UINT16_T, 0L, 65535L),
        Arguments.of("u32", PrimitiveType.UINT32_T, 0L, 4294967295L),
        Arguments.of("u64", PrimitiveType.UINT64_T, 0L, -1L),
        Arguments.of("ptr", PrimitiveType.POINTER, 0L, -1L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("integers")
  void integerEdgesBothWays(String s, PrimitiveType t, long min, long max) {
    String w = t.witName();
    boolean signed = t.kind() == PrimitiveType.Kind.SIGNED;
    Resource<Dll.Function> id = g.fn(lib, "id_" + s, "(" + w + ") -> " + w);
    Resource<Dll.Function> minF = g.fn(lib, "min_" + s, "() -> " + w);
    Resource<Dll.Function> maxF = g.fn(lib, "max_" + s, "() -> " + w);
    Resource<Dll.Function> add = g.fn(lib, "add_" + s, "(" + w + ", " + w + ") -> " + w);
    for (long v : new long[] {min, max, signed ? -1 : 1, 0}) {
      long back = signed ? g.callS64(id, g.val(t, v)) : g.callU64(id, g.val(t, v));
      assertEquals(v, back, s + " id " + v);
    }
    assertEquals(min, signed ? g.callS64(minF) : g.callU64(minF));
    assertEquals(max, signed ? g.callS64(maxF) : g.callU64(maxF));
    // wraps modulo 2^bits: max + 1 == min
    long wrapped =
        signed
            ? g.callS64(add, g.val(t, max), g.val(t, 1))
            : g.callU64(add, g.val(t, max), g.val(t, 1));
    assertEquals(min, wrapped);
    Resource<Dll.Function> widen = g.fn(lib, "widen_" + s, "(" + w + ") -> c-long-long");
    assertEquals(max, g.callS64(widen, g.val(t, max)), "what C received");
  }

  @Test
  void floatsBothWays() {
    Resource<Dll.Function> idD = g.fn(lib, "id_double", "(c-double) -> c-double");
    Resource<Dll.Function> idF = g.fn(lib, "id_float", "(c-float) -> c-float");
    for (double d :
        new double[] {-Double.MAX_VALUE, Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 1.5}) {
      assertEquals(d, g.callF64(idD, g.dval(PrimitiveType.C_DOUBLE, d)));
    }
    assertTrue(Double.isNaN(g.callF64(idD, g.dval(PrimitiveType.C_DOUBLE, Double.NaN))));
    for (float f : new float[] {-Float.MAX_VALUE, Float.MAX_VALUE, Float.MIN_VALUE, 0.25f}) {
      Resource<Ffi.IncomingPrimitive> r = g.callPrim(idF, g.dval(PrimitiveType.C_FLOAT, f));
      assertEquals(f, ok(g.ffi.incomingPrimitiveGetF32(r)));
      assertEquals(f, ok(g.ffi.incomingPrimitiveGetF64(r)));
    }
    Resource<Dll.Function> mix = g.fn(lib, "mix", "(c-double, c-int, c-long, c-float) -> c-double");
    assertEquals(
        10.5,
        g.callF64(
            mix,
            g.dval(PrimitiveType.C_DOUBLE, 1.5),
            g.val(PrimitiveType.C_INT, 2),
            g.val(PrimitiveType.C_LONG, 3),
            g.dval(PrimitiveType.C_FLOAT, 4)));
    Resource<Dll.Function> classify = g.fn(lib, "classify_float", "(c-float) -> c-int");
    assertEquals(3, g.callS64(classify, g.dval(PrimitiveType.C_FLOAT, Float.MIN_VALUE)));
    Resource<Dll.Function> noop = g.fn(lib, "noop", "()");
    assertTrue(g.call(noop).isEmpty(), "void returns none");
  }

  @Test
  void everySetterAndGetterAtItsWidth() {
    Ffi f = g.ffi;
    Resource<Ffi.OutgoingPrimitive> p;
    p = f.newOutgoingPrimitive(Ffi.PrimitiveType.INT8_T);
    ok(f.outgoingPrimitiveSetS8(p, (byte) -5));
    Resource<Ffi.IncomingPrimitive> r =
        g.callPrim(g.fn(lib, "id_i8", "(int8-t) -> int8-t"), new Ffi.OutgoingValue.Primitive(p));
    assertEquals((byte) -5, ok(f.incomingPrimitiveGetS8(r)));
    assertEquals((short) -5, ok(f.incomingPrimitiveGetS16(r)));
    assertEquals(-5, ok(f.incomingPrimitiveGetS32(r)));

    p = f.newOutgoingPrimitive(Ffi.PrimitiveType.UINT8_T);
    ok(f.outgoingPrimitiveSetU8(p, (byte) 200));
    r = g.callPrim(g.fn(lib, "id_u8", "(uint8-t) -> uint8-t"), new Ffi.OutgoingValue.Primitive(p));
    assertEquals((byte) 200, ok(f.incomingPrimitiveGetU8(r)));
    assertEquals((short) 200, ok(f.incomingPrimitiveGetS16(r)));

    p = f.newOutgoingPrimitive(Ffi.PrimitiveType.INT16_T);
    ok(f.outgoingPrimitiveSetS16(p, (short) -30000));
    r = g.callPrim(g.fn(lib, "id_i16", "(int16-t) -> int16-t"), new Ffi.OutgoingValue.Primitive(p));
    assertEquals((short) -30000, ok(f.incomingPrimitiveGetS16(r)));

    p = f.newOutgoingPrimitive(Ffi.PrimitiveType.UINT16_T);
    ok(f.outgoingPrimitiveSetU16(p, (short) 65535));
    r =
        g.callPrim(
            g.fn(lib, "id_u16", "(uint16-t) -> uint16-t"), new Ffi.OutgoingValue.Primitive(p));
    assertEquals((short) 65535, ok(f.incomingPrimitiveGetU16(r)));
    assertEquals(65535, ok(f.incomingPrimitiveGetS32(r)));

    p = f.newOutgoingPrimitive(Ffi.PrimitiveType.INT32_T);
    ok(f.outgoingPrimitiveSetS32(p, Integer.MIN_VALUE));
    r = g.callPrim(g.fn(lib, "id_i32", "(int32-t) -> int32-t"), new Ffi.OutgoingValue.Primitive(p));
    assertEquals(Integer.MIN_VALUE, ok(f.incomingPrimitiveGetS32(r)));

    p = f.newOutgoingPrimitive(Ffi.PrimitiveType.UINT32_T);
    ok(f.outgoingPrimitiveSetU32(p, -1));
    r =
        g.callPrim(
            g.fn(lib, "id_u32", "(uint32-t) -> uint32-t"), new Ffi.OutgoingValue.Primitive(p));
    assertEquals(-1, ok(f.incomingPrimitiveGetU32(r)), "4294967295 in an int's bits");
    assertEquals(4294967295L, ok(f.incomingPrimitiveGetS64(r)));

    p = f.newOutgoingPrimitive(Ffi.PrimitiveType.UINT64_T);
    ok(f.outgoingPrimitiveSetU64(p, -1L));
    r =
        g.callPrim(
            g.fn(lib, "id_u64", "(uint64-t) -> uint64-t"), new Ffi.OutgoingValue.Primitive(p));
    assertEquals(-1L, ok(f.incomingPrimitiveGetU64(r)));
    assertTrue(g.err(f.incomingPrimitiveGetS64(r)).contains("get-s64"), "2^64-1 does not fit s64");

    // integer setters accept any integer type whose range holds the value
    p = f.newOutgoingPrimitive(Ffi.PrimitiveType.C_LONG);
    ok(f.outgoingPrimitiveSetS8(p, (byte) 7));
    r = g.callPrim(g.fn(lib, "id_long", "(c-long) -> c-long"), new Ffi.OutgoingValue.Primitive(p));
    assertEquals((byte) 7, ok(f.incomingPrimitiveGetU8(r)));

    // set-f64 into c-float when exact
    p = f.newOutgoingPrimitive(Ffi.PrimitiveType.C_FLOAT);
    ok(f.outgoingPrimitiveSetF64(p, 0.5));
    r =
        g.callPrim(
            g.fn(lib, "id_float", "(c-float) -> c-float"), new Ffi.OutgoingValue.Primitive(p));
    assertEquals(0.5f, ok(f.incomingPrimitiveGetF32(r)));
  }

  @Test
  void valueRangeAndTypeErrors() {
    Ffi f = g.ffi;
    Resource<Ffi.OutgoingPrimitive> p = f.newOutgoingPrimitive(Ffi.PrimitiveType.INT8_T);
    assertTrue(g.err(f.outgoingPrimitiveSetU8(p, (byte) 200)).contains("does not fit int8-t"));
    assertTrue(g.err(f.outgoingPrimitiveSetS16(p, (short) 128)).contains("does not fit"));
    assertTrue(g.err(f.outgoingPrimitiveSetF64(p, 1.0)).contains("not valid for int8-t"));
    Resource<Ffi.OutgoingPrimitive> u = f.newOutgoingPrimitive(Ffi.PrimitiveType.C_UINT);
    assertTrue(g.err(f.outgoingPrimitiveSetS32(u, -1)).contains("does not fit c-uint"));
    Resource<Ffi.OutgoingPrimitive> fl = f.newOutgoingPrimitive(Ffi.PrimitiveType.C_FLOAT);
    assertTrue(g.err(f.outgoingPrimitiveSetF64(fl, 0.1)).contains("not exactly representable"));
    assertTrue(g.err(f.outgoingPrimitiveSetS32(fl, 1)).contains("not valid for c-float"));
    Resource<Ffi.Alloc> a = g.alloc("c-int");
    assertTrue(g.err(f.outgoingPrimitiveSetAddr(fl, a)).contains("only valid for pointer"));

    // a failed setter leaves the last good value
    Resource<Ffi.OutgoingPrimitive> keep = f.newOutgoingPrimitive(Ffi.PrimitiveType.INT8_T);
    ok(f.outgoingPrimitiveSetS8(keep, (byte) 9));
    g.err(f.outgoingPrimitiveSetS32(keep, 1000));
    Resource<Dll.Function> id = g.fn(lib, "id_i8", "(int8-t) -> int8-t");
    assertEquals(9, g.callS64(id, new Ffi.OutgoingValue.Primitive(keep)));

    // getters fail outside their range or kind
    Resource<Dll.Function> maxInt = g.fn(lib, "max_int", "() -> c-int");
    Resource<Ffi.IncomingPrimitive> big = g.callPrim(maxInt);
    assertTrue(g.err(f.incomingPrimitiveGetS8(big)).contains("get-s8"));
    assertTrue(g.err(f.incomingPrimitiveGetU16(big)).contains("get-u16"));
    assertTrue(g.err(f.incomingPrimitiveGetF64(big)).contains("get-f64"));
    assertTrue(g.err(f.incomingPrimitiveGetAlloc(big)).contains("get-alloc"));
    Resource<Ffi.IncomingPrimitive> neg = g.callPrim(g.fn(lib, "min_int", "() -> c-int"));
    assertTrue(g.err(f.incomingPrimitiveGetU32(neg)).contains("get-u32"));
    assertTrue(g.err(f.incomingPrimitiveGetU64(neg)).contains("get-u64"));
  }

  @Test
  void sizeofEveryPrimitive() {
    for (Ffi.PrimitiveType t : Ffi.PrimitiveType.values()) {
      long expected = NativeLibs.layouts().get("sizeof." + t.wit());
      assertEquals(expected, g.ffi.sizeof(t), t.wit());
    }
  }
}
