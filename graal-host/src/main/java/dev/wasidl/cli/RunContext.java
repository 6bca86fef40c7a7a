package dev.wasidl.cli;

import dev.wasidl.dl.DlCtx;
import dev.wasidl.dl.DlView;
import dev.wasidl.wasi.WasiCtx;
import dev.wasidl.wasi.WasiView;

/**
 * What {@code wasidl run} attaches to the instance: its WASI context, and its wasi:dl context (a
 * deny-all one unless {@code --dl} granted libraries; without {@code --dl} wasi:dl is not even
 * defined). Closing it releases both.
 */
record RunContext(WasiCtx wasi, DlCtx dl) implements WasiView, DlView, AutoCloseable {
  @Override
  public void close() {
    try {
      dl.close();
    } finally {
      wasi.close();
    }
  }
}
