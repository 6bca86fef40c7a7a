package dev.wasidl.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.wasi.bindings.wasi.clocks.MonotonicClock;
import dev.wasidl.wasi.bindings.wasi.clocks.WallClock;
import dev.wasidl.wasi.bindings.wasi.random.Insecure;
import dev.wasidl.wasi.bindings.wasi.random.InsecureSeed;
import dev.wasidl.wasi.bindings.wasi.random.Random;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code wasi:clocks} and {@code wasi:random}. */
class ClocksRandomHostTest {
  private final WasiCtx ctx = new WasiCtx(WasiConfig.builder().build());

  @Test
  void monotonicClockNeverGoesBack() throws Exception {
    MonotonicClock c = ctx.monotonicClockHost;
    long a = c.now();
    Thread.sleep(5);
    long b = c.now();
    assertTrue(a >= 0 && b - a >= 5_000_000, a + " then " + b);
    assertEquals(1, c.resolution());
  }

  @Test
  void wallClockIsNow() {
    WallClock c = ctx.wallClockHost;
    WallClock.Datetime t = c.now();
    long diff = Math.abs(Instant.now().getEpochSecond() - t.seconds());
    assertTrue(diff <= 1, "off by " + diff + " s");
    assertTrue(Integer.compareUnsigned(t.nanoseconds(), 1_000_000_000) < 0);
    assertEquals(new WallClock.Datetime(0, 1000), c.resolution());
  }

  @Test
  void randomBytes() {
    Random r = ctx.randomHost;
    byte[] a = r.getRandomBytes(32);
    byte[] b = r.getRandomBytes(32);
    assertEquals(32, a.length);
    assertFalse(Arrays.equals(a, b));
    assertEquals(0, r.getRandomBytes(0).length);
    assertEquals(1 << 20, r.getRandomBytes(1 << 20).length);
    assertNotEquals(r.getRandomU64(), r.getRandomU64());
  }

  @Test
  void hugeRequestsTrapInsteadOfExhaustingTheHeap() {
    Random r = ctx.randomHost;
    Insecure i = ctx.randomHost;
    Trap t = assertThrows(Trap.class, () -> r.getRandomBytes(RandomHost.MAX_BYTES + 1));
    assertTrue(t.getMessage().contains("67108865 bytes requested"), t::getMessage);
    t = assertThrows(Trap.class, () -> r.getRandomBytes(-1L)); // u64 max
    assertTrue(t.getMessage().contains("18446744073709551615"), t::getMessage);
    assertThrows(Trap.class, () -> i.getInsecureRandomBytes(Long.MIN_VALUE));
  }

  @Test
  void insecureRandomAndSeed() {
    Insecure i = ctx.randomHost;
    InsecureSeed s = ctx.randomHost;
    assertEquals(16, i.getInsecureRandomBytes(16).length);
    assertNotEquals(i.getInsecureRandomU64(), i.getInsecureRandomU64());
    assertEquals(s.insecureSeed(), s.insecureSeed(), "one seed per instance");
    assertNotEquals(
        s.insecureSeed(), new WasiCtx(WasiConfig.builder().build()).randomHost.insecureSeed());
  }
}
