package dev.wasidl.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.component.StringEncoding;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.Val;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strings: loading, storing and the transcodings between the three encodings. */
class CanonicalAbiStringTest {
  private static final int H = Fixture.HEAP;
  private static final long TAG = 1L << 31;

  private static long[] lower(Fixture f, String s) {
    return CanonicalAbi.lowerFlat(f.cx, new Val.Str(s), Primitive.STRING);
  }

  @Test
  void asciiIsOneAllocation() {
    Fixture f = Fixture.of();
    assertArrayEquals(new long[] {H, 5}, lower(f, "hello"));
    assertEquals(List.of(Fixture.call(0, 0, 1, 5, H)), f.realloc.log);
    assertEquals("68656c6c6f", f.memory.hex(H, 5));
  }

  @Test
  void latin1HostStringToUtf8GrowsToTwiceThenShrinks() {
    Fixture f = Fixture.of();
    // latin1 source: 5 bytes, then the worst case 2 * 5, then shrunk to the 6 bytes needed
    assertArrayEquals(new long[] {H + 15, 6}, lower(f, "h\u00e9llo"));
    assertEquals(
        List.of(
            Fixture.call(0, 0, 1, 5, H),
            Fixture.call(H, 5, 1, 10, H + 5),
            Fixture.call(H + 5, 10, 1, 6, H + 15)),
        f.realloc.log);
    assertEquals("68c3a96c6c6f", f.memory.hex(H + 15, 6));
  }

  @Test
  void utf16HostStringToUtf8GrowsToThreeTimes() {
    Fixture f = Fixture.of();
    long[] flat = lower(f, "\u65e5\u672c");
    // two UTF-16 code units: 2 bytes, then the worst case 6, which is exact
    assertEquals(
        List.of(Fixture.call(0, 0, 1, 2, H), Fixture.call(H, 2, 1, 6, H + 2)), f.realloc.log);
    assertArrayEquals(new long[] {H + 2, 6}, flat);
    assertEquals("e697a5e69cac", f.memory.hex(H + 2, 6));
    assertEquals(
        new Val.Str("\u65e5\u672c"),
        CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(flat), Primitive.STRING));
  }

  /** As wasmtime: UTF-8 host strings go into a UTF-8 guest with one exact-size realloc call. */
  @Test
  void utf8HostStringsAllocateTheExactLengthOnce() {
    Fixture f = Fixture.of();
    f.cx = f.cx.withUtf8HostStrings();
    long[] flat = lower(f, "\u65e5\u672c \u00fc\ud83d\ude00");
    assertEquals(List.of(Fixture.call(0, 0, 1, 13, H)), f.realloc.log);
    assertArrayEquals(new long[] {H, 13}, flat);
    assertEquals("e697a5e69cac20c3bcf09f9880", f.memory.hex(H, 13));
    assertThrows(Trap.class, () -> lower(f, "\ud800"));
  }

  @Test
  void toUtf16IsACopy() {
    Fixture f = Fixture.of(StringEncoding.UTF16);
    assertArrayEquals(new long[] {H, 3}, lower(f, "a\ud83d\ude00"));
    assertEquals(List.of(Fixture.call(0, 0, 2, 6, H)), f.realloc.log);
    assertEquals("61003dd800de", f.memory.hex(H, 6));
  }

  @Test
  void toLatin1OrUtf16() {
    Fixture f = Fixture.of(StringEncoding.LATIN1_UTF16);
    assertArrayEquals(new long[] {H, 2}, lower(f, "\u00e9!"));
    assertEquals("e921", f.memory.hex(H, 2));
    long[] wide = lower(f, "\u65e5");
    assertEquals(TAG | 1, wide[1]);
    assertEquals("e565", f.memory.hex((int) wide[0], 2));
    assertEquals(
        new Val.Str("\u65e5"),
        CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(wide), Primitive.STRING));
  }

  @Test
  void utf8SourceIntoLatin1OrUtf16Inflates() {
    Fixture f = Fixture.of(StringEncoding.LATIN1_UTF16);
    // "ab" fits latin1, then a CJK char forces UTF-16: the latin1 prefix is inflated in place
    String s = "ab\u65e5";
    CanonicalAbi.Range r = CanonicalAbi.storeStringIntoRange(f.cx, s, StringEncoding.UTF8, 5);
    assertEquals(
        List.of(
            Fixture.call(0, 0, 2, 5, H),
            Fixture.call(H, 5, 2, 10, H + 6),
            Fixture.call(H + 6, 10, 2, 6, H + 16)),
        f.realloc.log);
    assertEquals(new CanonicalAbi.Range(H + 16, TAG | 3), r);
    assertEquals("61006200e565", f.memory.hex(H + 16, 6));
  }

  @Test
  void probablyUtf16ThatIsLatin1IsCompacted() {
    Fixture f = Fixture.of(StringEncoding.LATIN1_UTF16);
    CanonicalAbi.Range r =
        CanonicalAbi.storeStringIntoRange(f.cx, "ab", StringEncoding.LATIN1_UTF16, TAG | 2);
    assertEquals(
        List.of(Fixture.call(0, 0, 2, 4, H), Fixture.call(H, 4, 1, 2, H + 4)), f.realloc.log);
    assertEquals(new CanonicalAbi.Range(H + 4, 2), r);
    assertEquals("6162", f.memory.hex(H + 4, 2));
  }

  @Test
  void inconsistentSourcesAreRejected() {
    Fixture f = Fixture.of();
    assertThrows(
        IllegalArgumentException.class,
        () -> CanonicalAbi.storeStringIntoRange(f.cx, "\u65e5", StringEncoding.LATIN1_UTF16, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> CanonicalAbi.storeStringIntoRange(f.cx, "abc", StringEncoding.UTF8, 2));
  }

  @Test
  void malformedStringsTrap() {
    Fixture f = Fixture.of();
    f.memory.with(H, "ff");
    Trap utf8 = assertThrows(Trap.class, () -> CanonicalAbi.loadStringFromRange(f.cx, H, 1));
    assertEquals("invalid UTF-8 in a string of 1 bytes at " + H, utf8.getMessage());

    Fixture g = Fixture.of(StringEncoding.UTF16);
    g.memory.with(H, "00d8");
    Trap utf16 = assertThrows(Trap.class, () -> CanonicalAbi.loadStringFromRange(g.cx, H, 1));
    assertTrue(utf16.getMessage().startsWith("invalid UTF-16"), utf16.getMessage());
    Trap misaligned =
        assertThrows(Trap.class, () -> CanonicalAbi.loadStringFromRange(g.cx, H + 1, 1));
    assertTrue(misaligned.getMessage().contains("not aligned to 2"), misaligned.getMessage());
  }

  @Test
  void outOfBoundsAndTooLongStringsTrap() {
    Fixture f = Fixture.of();
    Trap oob = assertThrows(Trap.class, () -> CanonicalAbi.loadStringFromRange(f.cx, 1020, 5));
    assertTrue(oob.getMessage().contains("out of bounds"), oob.getMessage());
    Trap wraps = assertThrows(Trap.class, () -> CanonicalAbi.loadStringFromRange(f.cx, -1, 5));
    assertTrue(wraps.getMessage().contains("out of bounds"), wraps.getMessage());
    Trap tooLong =
        assertThrows(Trap.class, () -> CanonicalAbi.loadStringFromRange(f.cx, 0, 1 << 28));
    assertTrue(tooLong.getMessage().contains("maximum string byte length"), tooLong.getMessage());
  }

  @Test
  void unpairedSurrogatesInHostStringsTrap() {
    Fixture f = Fixture.of();
    Trap t = assertThrows(Trap.class, () -> lower(f, "a\ud800b"));
    assertEquals("string holds an unpaired surrogate 0xd800 at index 1", t.getMessage());
  }

  @Test
  void reallocPastTheEndTraps() {
    Fixture f = Fixture.ofSize(Fixture.HEAP + 4);
    Trap t = assertThrows(Trap.class, () -> lower(f, "too long"));
    assertTrue(t.getMessage().contains("out of bounds"), t.getMessage());
  }
}
