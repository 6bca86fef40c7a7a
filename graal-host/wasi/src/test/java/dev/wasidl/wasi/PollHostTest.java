package dev.wasidl.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.bindings.Resource;
import dev.wasidl.wasi.bindings.wasi.clocks.MonotonicClock;
import dev.wasidl.wasi.bindings.wasi.io.Poll;
import dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code wasi:io/poll} over clock and stdin pollables, waiting for real. */
class PollHostTest {
  private static final long MS = 1_000_000;

  @Test
  void pollOnAnEmptyListTraps() {
    try (WasiCtx ctx = new WasiCtx(WasiConfig.builder().build())) {
      Trap t = assertThrows(Trap.class, () -> ctx.pollHost.poll(List.of()));
      assertTrue(t.getMessage().contains("empty"), t::getMessage);
    }
  }

  @Test
  void durationTimerSleepsUntilItsDeadline() {
    try (WasiCtx ctx = new WasiCtx(WasiConfig.builder().build())) {
      Poll poll = ctx.pollHost;
      MonotonicClock clock = ctx.monotonicClockHost;
      long t0 = clock.now();
      Resource<Pollable> p = clock.subscribeDuration(30 * MS);
      assertFalse(poll.pollableReady(p));
      assertEquals(List.of(0), poll.poll(List.of(p)));
      long waited = clock.now() - t0;
      assertTrue(waited >= 30 * MS && waited < 2000 * MS, "waited " + waited);
      assertTrue(poll.pollableReady(p));
      poll.dropPollable(p);
      assertEquals(0, ctx.table().size());
    }
  }

  @Test
  void pollReturnsTheIndicesOfTheReadyOnes() {
    try (WasiCtx ctx = new WasiCtx(WasiConfig.builder().build())) {
      Poll poll = ctx.pollHost;
      MonotonicClock clock = ctx.monotonicClockHost;
      Resource<Pollable> late = clock.subscribeDuration(10_000 * MS);
      Resource<Pollable> soon = clock.subscribeDuration(20 * MS);
      Resource<Pollable> never = clock.subscribeDuration(-1L); // u64 max
      Resource<Pollable> past = clock.subscribeInstant(clock.now() - 1);
      Resource<Pollable> zero = clock.subscribeInstant(0);
      long t0 = System.nanoTime();
      assertEquals(List.of(1), poll.poll(List.of(late, soon, never)));
      assertTrue(System.nanoTime() - t0 < 5000 * MS);
      assertEquals(
          List.of(1, 2, 3), poll.poll(List.of(late, soon, past, zero, never)).subList(0, 3));
      assertFalse(poll.pollableReady(never));
      assertFalse(poll.pollableReady(late));
    }
  }

  @Test
  void instantTimerAndBlock() {
    try (WasiCtx ctx = new WasiCtx(WasiConfig.builder().build())) {
      MonotonicClock clock = ctx.monotonicClockHost;
      long when = clock.now() + 25 * MS;
      Resource<Pollable> p = clock.subscribeInstant(when);
      ctx.pollHost.pollableBlock(p);
      assertTrue(clock.now() >= when);
    }
  }

  /** A guest polling stdin and a long timer wakes as soon as the input arrives. */
  @Test
  void stdinDataWakesAPoll() throws Exception {
    BlockingSource src = new BlockingSource();
    try (WasiCtx ctx = new WasiCtx(WasiConfig.builder().stdin(src).build())) {
      var in = ctx.stdioHost.getStdin();
      Resource<Pollable> readable = ctx.streamsHost.inputStreamSubscribe(in);
      Resource<Pollable> timeout = ctx.monotonicClockHost.subscribeDuration(20_000 * MS);
      Thread feeder =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      TimeUnit.MILLISECONDS.sleep(50);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    src.feed("x");
                  });
      long t0 = System.nanoTime();
      assertEquals(List.of(1), ctx.pollHost.poll(List.of(timeout, readable)));
      long waited = System.nanoTime() - t0;
      assertTrue(waited < 5000 * MS, "waited " + waited);
      feeder.join();
    }
  }

  @Test
  void anInterruptedPollTraps() {
    try (WasiCtx ctx = new WasiCtx(WasiConfig.builder().build())) {
      Resource<Pollable> p = ctx.monotonicClockHost.subscribeDuration(60_000 * MS);
      Thread.currentThread().interrupt();
      assertThrows(Trap.class, () -> ctx.pollHost.pollableBlock(p));
      assertTrue(Thread.interrupted());
    }
  }
}
