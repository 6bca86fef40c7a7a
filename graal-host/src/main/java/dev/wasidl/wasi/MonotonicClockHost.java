package dev.wasidl.wasi;

/** The host side of {@code clocks/MonotonicClock}: not implemented yet. */
final class MonotonicClockHost implements dev.wasidl.wasi.bindings.wasi.clocks.MonotonicClock {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  MonotonicClockHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public long now() {
    throw Wasi.notImplemented("MonotonicClock.now");
  }

  @Override
  public long resolution() {
    throw Wasi.notImplemented("MonotonicClock.resolution");
  }

  @Override
  public dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable>
      subscribeInstant(long when) {
    throw Wasi.notImplemented("MonotonicClock.subscribeInstant");
  }

  @Override
  public dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable>
      subscribeDuration(long when) {
    throw Wasi.notImplemented("MonotonicClock.subscribeDuration");
  }
}
