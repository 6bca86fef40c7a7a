package dev.wasidl.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasidl.ffm.CanonicalBits;
import dev.wasidl.ffm.FfiException;
import dev.wasidl.ffm.IncomingPrimitive;
import dev.wasidl.ffm.PrimitiveType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter's setters and getters (wasm) against bridge-ffm's own rules (Java), for every
 * primitive type, every setter and getter, the edge values of every width and random ones: the same
 * outcome (ok or error) and the same bits or value. (Floats are compared by bits, except that a NaN
 * need only be a NaN: wasm leaves the payload of a widened or narrowed NaN to the engine.)
 */
class DlAdapterAgreementTest {
  private static final PrimitiveType[] TYPES = PrimitiveType.values();
  private AdapterRig rig;

  @BeforeEach
  void setUp() {
    rig = new AdapterRig(DlLimits.DEFAULT);
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  /** Edge values of every width, and their neighbours, then random ones. */
  private static List<Long> values() {
    List<Long> v = new ArrayList<>();
    for (int bits : new int[] {7, 8, 15, 16, 31, 32, 63}) {
      long p = 1L << bits;
      for (long x : new long[] {p, -p}) {
        v.add(x - 1);
        v.add(x);
        v.add(x + 1);
      }
    }
    v.add(0L);
    v.add(Long.MIN_VALUE);
    v.add(Long.MAX_VALUE);
    v.add(-1L);
    for (double d : new double[] {0.5, 0.1, -2.0, 1e300, Double.POSITIVE_INFINITY, Double.NaN}) {
      v.add(Double.doubleToRawLongBits(d));
      v.add(Integer.toUnsignedLong(Float.floatToRawIntBits((float) d)));
    }
    Random r = new Random(15);
    for (int i = 0; i < 64; i++) {
      v.add(r.nextLong());
      v.add((long) r.nextInt());
      v.add((long) (byte) r.nextInt());
    }
    return v;
  }

  private record Setter(
      String name, String param, LongUnaryOperator lift, LongFunction<Long> java) {}

  @Test
  void settersAgreeWithBridgeFfm() {
    for (PrimitiveType t : TYPES) {
      for (Setter s : setters(t)) {
        for (long raw : values()) {
          int h = rig.newOut(code(t));
          Object arg =
              switch (s.param) {
                case "i32" -> (int) raw;
                case "i64" -> raw;
                case "f32" -> Float.intBitsToFloat((int) raw);
                default -> Double.longBitsToDouble(raw);
              };
          int r = rig.call(rig.state, "[method]outgoing-primitive." + s.name, h, arg);
          Long expected;
          try {
            expected = s.java.apply(s.lift.applyAsLong(raw));
          } catch (FfiException e) {
            expected = null;
          }
          String what = s.name + "(" + arg + ") on " + t;
          if (expected == null) {
            assertEquals(1, r, what + " should be an error");
          } else {
            assertEquals(0, r, what + " should succeed");
            long got = rig.bits(h);
            if (!(isNaN(t, got) && isNaN(t, expected))) {
              assertEquals((long) expected, got, what + " bits");
            }
          }
          rig.run(rig.state, "[resource-drop]outgoing-primitive", h);
        }
      }
    }
  }

  private static List<Setter> setters(PrimitiveType t) {
    return List.of(
        new Setter("set-s8", "i32", x -> (byte) x, v -> CanonicalBits.ofSigned(t, v)),
        new Setter("set-s16", "i32", x -> (short) x, v -> CanonicalBits.ofSigned(t, v)),
        new Setter("set-s32", "i32", x -> (int) x, v -> CanonicalBits.ofSigned(t, v)),
        new Setter("set-s64", "i64", x -> x, v -> CanonicalBits.ofSigned(t, v)),
        new Setter("set-u8", "i32", x -> x & 0xff, v -> CanonicalBits.ofUnsigned(t, v)),
        new Setter("set-u16", "i32", x -> x & 0xffff, v -> CanonicalBits.ofUnsigned(t, v)),
        new Setter("set-u32", "i32", x -> x & 0xffff_ffffL, v -> CanonicalBits.ofUnsigned(t, v)),
        new Setter("set-u64", "i64", x -> x, v -> CanonicalBits.ofUnsigned(t, v)),
        new Setter(
            "set-f32", "f32", x -> x, v -> CanonicalBits.ofFloat(t, Float.intBitsToFloat((int) v))),
        new Setter(
            "set-f64", "f64", x -> x, v -> CanonicalBits.ofDouble(t, Double.longBitsToDouble(v))));
  }

  @Test
  void gettersAgreeWithBridgeFfm() {
    String[] getters = {
      "get-s8", "get-s16", "get-s32", "get-s64", "get-u8", "get-u16", "get-u32", "get-u64",
      "get-f32", "get-f64"
    };
    int ret = 64;
    for (PrimitiveType t : TYPES) {
      for (long bits : values()) {
        for (String g : getters) {
          IncomingPrimitive p = IncomingPrimitive.ofBits(t, bits);
          Long expected;
          try {
            expected =
                switch (g) {
                  case "get-s8" -> (long) p.getS8();
                  case "get-s16" -> (long) p.getS16();
                  case "get-s32" -> (long) p.getS32();
                  case "get-s64" -> p.getS64();
                  case "get-u8" -> (long) p.getU8();
                  case "get-u16" -> (long) p.getU16();
                  case "get-u32" -> p.getU32();
                  case "get-u64" -> p.getU64();
                  case "get-f32" -> (long) Float.floatToRawIntBits(p.getF32());
                  default -> Double.doubleToRawLongBits(p.getF64());
                };
          } catch (FfiException e) {
            expected = null;
          }
          int h = rig.newIncoming(t, bits);
          rig.run(rig.memory, "[method]incoming-primitive." + g, h, ret);
          rig.run(rig.state, "[resource-drop]incoming-primitive", h);
          String what = g + " of " + t + " bits " + Long.toHexString(bits);
          int ok = rig.guest.loadI8(ret);
          if (expected == null) {
            assertEquals(1, ok, what + " should be an error");
            continue;
          }
          assertEquals(0, ok, what + " should succeed");
          long got =
              switch (g) {
                case "get-s8" -> rig.guest.loadI8(ret + 1);
                case "get-u8" -> rig.guest.loadI8(ret + 1) & 0xff;
                case "get-s16" -> rig.guest.loadI16(ret + 2);
                case "get-u16" -> rig.guest.loadI16(ret + 2) & 0xffff;
                case "get-s32", "get-f32" -> rig.guest.loadI32(ret + 4);
                case "get-u32" -> rig.guest.loadI32(ret + 4) & 0xffff_ffffL;
                default -> rig.guest.loadI64(ret + 8);
              };
          if (g.equals("get-f32") && Float.isNaN(Float.intBitsToFloat((int) got))) {
            continue; // a NaN narrowed from c-double: its payload is the engine's
          }
          if (g.equals("get-f64") && Double.isNaN(Double.longBitsToDouble(got))) {
            continue; // likewise widened from c-float
          }
          assertEquals((long) expected, got, what);
        }
      }
    }
  }

  private static boolean isNaN(PrimitiveType t, long bits) {
    return t == PrimitiveType.C_FLOAT
        ? Float.isNaN(Float.intBitsToFloat((int) bits))
        : t == PrimitiveType.C_DOUBLE && Double.isNaN(Double.longBitsToDouble(bits));
  }

  @SuppressWarnings("EnumOrdinal") // PrimitiveType declares one constant per WIT case, in WIT order
  private static int code(PrimitiveType t) {
    return t.ordinal();
  }
}
