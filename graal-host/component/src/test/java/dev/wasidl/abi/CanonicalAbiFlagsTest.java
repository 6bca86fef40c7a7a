package dev.wasidl.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasidl.types.FlagsType;
import dev.wasidl.types.Val;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Flags: bit vectors of 1, 2 or 4 bytes, and, beyond the spec's 32, one u32 per 32 names. */
class CanonicalAbiFlagsTest {
  private static FlagsType flags(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("f" + i);
    }
    return new FlagsType(names);
  }

  @Test
  void sizes() {
    int[][] expected = {
      {1, 1, 1},
      {8, 1, 1},
      {9, 2, 2},
      {16, 2, 2},
      {17, 4, 4},
      {32, 4, 4},
      {33, 4, 8},
      {64, 4, 8},
      {65, 4, 12}
    };
    for (int[] e : expected) {
      FlagsType t = flags(e[0]);
      assertEquals(e[1], CanonicalAbi.alignment(t), e[0] + " flags");
      assertEquals(e[2], CanonicalAbi.elemSize(t), e[0] + " flags");
      assertEquals(
          Math.max(1, (e[0] + 31) / 32), CanonicalAbi.flattenType(t).size(), e[0] + " flags");
    }
  }

  @Test
  void bitsFollowTheNamesOrder() {
    Fixture f = Fixture.of();
    FlagsType rwx = FlagsType.of("read", "write", "exec");
    Val v = Val.Flags.of("exec", "read");
    assertArrayEquals(new long[] {0b101}, CanonicalAbi.lowerFlat(f.cx, v, rwx));
    CanonicalAbi.store(f.cx, v, rwx, 8);
    assertEquals("05", f.memory.hex(8, 1));
    assertEquals(v, CanonicalAbi.load(f.cx, 8, rwx));
    assertEquals(Val.Flags.of(), CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(0), rwx));
  }

  @Test
  void unknownBitsAreIgnored() {
    Fixture f = Fixture.of();
    FlagsType rwx = FlagsType.of("read", "write", "exec");
    assertEquals(
        Val.Flags.of("read", "write", "exec"),
        CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(0xffffffffL), rwx));
  }

  @Test
  void manyFlags() {
    Fixture f = Fixture.of();
    FlagsType t = flags(40);
    Val v = Val.Flags.of("f0", "f31", "f32", "f39");
    long[] flat = CanonicalAbi.lowerFlat(f.cx, v, t);
    assertArrayEquals(new long[] {0x80000001L, 0x81L}, flat);
    assertEquals(v, CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(flat), t));
    CanonicalAbi.store(f.cx, v, t, 8);
    assertEquals("0100008081000000", f.memory.hex(8, 8));
    assertEquals(v, CanonicalAbi.load(f.cx, 8, t));
    Val all = new Val.Flags(Set.copyOf(t.names()));
    assertEquals(
        all,
        CanonicalAbi.liftFlat(f.cx, CoreValueIter.of(CanonicalAbi.lowerFlat(f.cx, all, t)), t));
  }

  @Test
  void namesTheTypeLacksTrap() {
    Fixture f = Fixture.of();
    Trap t =
        assertThrows(
            Trap.class,
            () -> CanonicalAbi.lowerFlat(f.cx, Val.Flags.of("read", "x"), FlagsType.of("read")));
    assertEquals(
        "type mismatch: flags value read | x names a flag that flags { read } lacks",
        t.getMessage());
    assertEquals(Collections.emptySet(), Val.Flags.of().names());
  }
}
