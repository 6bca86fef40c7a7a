package dev.wasidl.wasi;

import dev.wasidl.wasi.bindings.wasi.clocks.WallClock;
import java.time.Instant;

/** {@code wasi:clocks/wall-clock}: {@link Instant#now()}, with a 1 µs resolution. */
final class WallClockHost implements WallClock {
  WallClockHost(WasiCtx ctx) {}

  @Override
  public Datetime now() {
    Instant t = Instant.now();
    return new Datetime(t.getEpochSecond(), t.getNano());
  }

  @Override
  public Datetime resolution() {
    return new Datetime(0, 1000);
  }
}
