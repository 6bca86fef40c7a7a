package dev.wasidl.wasi;

import dev.wasidl.bindings.Resource;
import dev.wasidl.wasi.bindings.wasi.clocks.MonotonicClock;
import dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable;

/**
 * {@code wasi:clocks/monotonic-clock}: {@link System#nanoTime()} counted from when this class was
 * loaded (so instants start near 0 and are shared by every instance of the JVM), 1 ns resolution.
 */
final class MonotonicClockHost implements MonotonicClock {
  private static final long ORIGIN = System.nanoTime();

  /** Durations from this on (about 146 years) never elapse; no sum of them overflows. */
  private static final long FOREVER = 1L << 62;

  private final WasiCtx ctx;

  MonotonicClockHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public long now() {
    return System.nanoTime() - ORIGIN;
  }

  @Override
  public long resolution() {
    return 1;
  }

  @Override
  public Resource<Pollable> subscribeInstant(long when) {
    long now = now();
    return timer(Long.compareUnsigned(when, now) <= 0 ? 0 : when - now);
  }

  @Override
  public Resource<Pollable> subscribeDuration(long when) {
    return timer(when);
  }

  /** A pollable ready {@code nanos} (unsigned) from now. */
  private Resource<Pollable> timer(long nanos) {
    HostPollable p =
        Long.compareUnsigned(nanos, FOREVER) >= 0
            ? HostPollable.NEVER
            : HostPollable.at(System.nanoTime() + nanos);
    return ctx.table().push(p);
  }
}
