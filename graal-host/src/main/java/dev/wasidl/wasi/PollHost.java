package dev.wasidl.wasi;

/** The host side of {@code io/Poll}: not implemented yet. */
final class PollHost implements dev.wasidl.wasi.bindings.wasi.io.Poll {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  PollHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public boolean pollableReady(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable> self) {
    throw Wasi.notImplemented("Poll.pollableReady");
  }

  @Override
  public void pollableBlock(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable> self) {
    throw Wasi.notImplemented("Poll.pollableBlock");
  }

  @Override
  public java.util.List<java.lang.Integer> poll(
      java.util.List<dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable>>
          in) {
    throw Wasi.notImplemented("Poll.poll");
  }

  @Override
  public void dropPollable(
      dev.wasidl.bindings.Resource<dev.wasidl.wasi.bindings.wasi.io.Poll.Pollable> self) {
    throw Wasi.notImplemented("Poll.dropPollable");
  }
}
