package dev.wasidl.wasi;

/** The host side of {@code clocks/WallClock}: not implemented yet. */
final class WallClockHost implements dev.wasidl.wasi.bindings.wasi.clocks.WallClock {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  WallClockHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public dev.wasidl.wasi.bindings.wasi.clocks.WallClock.Datetime now() {
    throw Wasi.notImplemented("WallClock.now");
  }

  @Override
  public dev.wasidl.wasi.bindings.wasi.clocks.WallClock.Datetime resolution() {
    throw Wasi.notImplemented("WallClock.resolution");
  }
}
