package dev.wasidl.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.component.StringEncoding;
import dev.wasidl.types.ListType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.Val;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lists of primitives and strings copied in bulk: the same memory bytes, realloc calls, values and
 * traps as element by element, at the lengths around word and page sizes.
 */
class CanonicalAbiBulkTest {
  private static final int H = Fixture.HEAP;
  private static final int SIZE = 4 * 1024 * 1024;

  private static List<Val> values(int n, IntFunction<Val> element) {
    List<Val> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(element.apply(i));
    }
    return list;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 9, 4095, 4096, 1024 * 1024 + 3})
  void primitiveListsRoundTripAndLayOutAsElementByElement(int n) {
    Random r = new Random(n);
    List<List<Val>> lists =
        List.of(
            values(n, i -> new Val.S32(r.nextInt())),
            values(n, i -> new Val.U32(Integer.toUnsignedLong(r.nextInt()))),
            values(n, i -> new Val.F64(r.nextDouble())),
            values(n, i -> new Val.S64(r.nextLong())),
            values(n, i -> new Val.U16(r.nextInt(65536))),
            values(n, i -> new Val.Bool(r.nextBoolean())),
            values(n, i -> new Val.F32(r.nextFloat())),
            values(n, i -> new Val.Char(r.nextInt(0xd800))),
            values(n, i -> new Val.S8((byte) r.nextInt())));
    List<Primitive> types =
        List.of(
            Primitive.S32,
            Primitive.U32,
            Primitive.F64,
            Primitive.S64,
            Primitive.U16,
            Primitive.BOOL,
            Primitive.F32,
            Primitive.CHAR,
            Primitive.S8);
    for (int k = 0; k < types.size(); k++) {
      Fixture f = Fixture.ofSize(SIZE * 3);
      Primitive p = types.get(k);
      Val v = new Val.ListVal(lists.get(k));
      long[] flat = CanonicalAbi.lowerFlat(f.cx, v, new ListType(p));
      assertArrayEquals(new long[] {H, n}, flat, p.toString());
      // each element where the element-by-element store puts it
      for (int i : new int[] {0, n / 2, n - 1}) {
        if (i >= 0 && i < n) {
          int at = H + i * CanonicalAbi.elemSize(p);
          assertEquals(lists.get(k).get(i), CanonicalAbi.load(f.cx, at, p), p + " at " + i);
        }
      }
      assertEquals(v, CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(flat), new ListType(p)));
    }
  }

  @Test
  void liftedElementsConvertAsSingleLoadsDo() {
    Fixture f = Fixture.of();
    f.memory.with(H, "00" + "01" + "02" + "ff");
    assertEquals(
        List.of(new Val.Bool(false), new Val.Bool(true), new Val.Bool(true), new Val.Bool(true)),
        elements(
            CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(H, 4), new ListType(Primitive.BOOL))));
    f.memory.with(H, "0100c07f" + "ffffffff");
    Val nan = CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(H, 2), new ListType(Primitive.F32));
    assertEquals(
        Float.floatToRawIntBits(Float.NaN),
        Float.floatToRawIntBits(((Val.F32) elements(nan).get(0)).value()));
    f.memory.with(H, "ffff" + "0100");
    assertEquals(
        List.of(new Val.U16(65535), new Val.U16(1)),
        elements(CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(H, 2), new ListType(Primitive.U16))));
    assertEquals(
        List.of(new Val.S16((short) -1), new Val.S16((short) 1)),
        elements(CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(H, 2), new ListType(Primitive.S16))));
  }

  private static List<Val> elements(Val v) {
    return ((Val.ListVal) v).elements();
  }

  @Test
  void invalidElementsTrapAsBefore() {
    Fixture f = Fixture.of();
    f.memory.with(H, "41000000" + "00d80000");
    Trap surrogate =
        assertThrows(
            Trap.class,
            () ->
                CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(H, 2), new ListType(Primitive.CHAR)));
    assertEquals("invalid char: 0xd800 is a surrogate", surrogate.getMessage());
    f.memory.with(H, "00001100");
    Trap beyond =
        assertThrows(
            Trap.class,
            () ->
                CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(H, 1), new ListType(Primitive.CHAR)));
    assertEquals("invalid char: 0x110000 is beyond U+10FFFF", beyond.getMessage());
    Val mixed = new Val.ListVal(List.of(new Val.S32(1), new Val.U32(2)));
    assertThrows(
        Trap.class, () -> CanonicalAbi.lowerFlat(f.cx, mixed, new ListType(Primitive.S32)));
    Trap oob =
        assertThrows(
            Trap.class,
            () ->
                CanonicalAbi.liftFlat(
                    f.cx, CoreValueIter.of(1020, 2), new ListType(Primitive.S32)));
    assertTrue(oob.getMessage().contains("out of bounds"), oob.getMessage());
    Trap misaligned =
        assertThrows(
            Trap.class,
            () ->
                CanonicalAbi.liftFlat(
                    f.cx, CoreValueIter.of(H + 2, 1), new ListType(Primitive.S32)));
    assertTrue(misaligned.getMessage().contains("not aligned to 4"), misaligned.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 9, 4095, 4096, 1024 * 1024 + 3})
  void asciiStringsStoreOnceAndDecodeBack(int n) {
    String s = "abcdefghijklmnopqrstuvwxyz0123456789?".repeat(n / 37 + 1).substring(0, n);
    for (boolean utf8Host : new boolean[] {false, true}) {
      Fixture f = Fixture.ofSize(SIZE);
      if (utf8Host) {
        f.cx = f.cx.withUtf8HostStrings();
      }
      CanonicalAbi.Range r = CanonicalAbi.storeStringIntoRange(f.cx, s);
      assertEquals(new CanonicalAbi.Range(H, n), r);
      assertEquals(List.of(Fixture.call(0, 0, 1, n, H)), f.realloc.log);
      assertEquals(s, CanonicalAbi.loadStringFromRange(f.cx, H, n));
    }
  }

  @Test
  void hostStringsThatOnlyLookAsciiTakeTheCheckedPath() {
    Fixture f = Fixture.of();
    f.cx = f.cx.withUtf8HostStrings();
    // an unpaired surrogate encodes to one '?' byte in the JDK: still a trap
    Trap t = assertThrows(Trap.class, () -> CanonicalAbi.storeStringIntoRange(f.cx, "ab\udc00"));
    assertEquals("string holds an unpaired surrogate 0xdc00 at index 2", t.getMessage());
    CanonicalAbi.Range r = CanonicalAbi.storeStringIntoRange(f.cx, "a\u00e9");
    assertEquals(new CanonicalAbi.Range(H, 3), r);
    assertEquals("61c3a9", f.memory.hex(H, 3));
  }

  @Test
  void decodingTrapsOnMalformedInputAndKeepsRealReplacementCharacters() {
    Fixture f = Fixture.of();
    f.memory.with(H, "efbfbd41"); // a real U+FFFD, then 'A'
    assertEquals("\ufffdA", CanonicalAbi.loadStringFromRange(f.cx, H, 4));
    for (String bad : List.of("c0af", "eda080", "f4908080", "e282", "41ff", "efbfbdff")) {
      Fixture g = Fixture.of();
      g.memory.with(H, bad);
      int len = bad.length() / 2;
      Trap t = assertThrows(Trap.class, () -> CanonicalAbi.loadStringFromRange(g.cx, H, len));
      assertEquals("invalid UTF-8 in a string of " + len + " bytes at " + H, t.getMessage(), bad);
    }
    Fixture u = Fixture.of(StringEncoding.UTF16);
    u.memory.with(H, "fdff4100");
    assertEquals("\ufffdA", CanonicalAbi.loadStringFromRange(u.cx, H, 2));
    u.memory.with(H, "4100" + "00dc");
    Trap lone = assertThrows(Trap.class, () -> CanonicalAbi.loadStringFromRange(u.cx, H, 2));
    assertTrue(lone.getMessage().startsWith("invalid UTF-16"), lone.getMessage());
    Fixture l = Fixture.of(StringEncoding.LATIN1_UTF16);
    l.memory.with(H, "41e9ff");
    assertEquals("A\u00e9\u00ff", CanonicalAbi.loadStringFromRange(l.cx, H, 3));
    assertEquals("41e9ff", HexFormat.of().formatHex(new byte[] {0x41, (byte) 0xe9, (byte) 0xff}));
  }
}
