package dev.wasidl.cli;

import dev.wasidl.dl.DlCtx;
import dev.wasidl.dl.DlView;
import dev.wasidl.keyvalue.KeyValueHost;
import dev.wasidl.wasi.WasiCtx;
import dev.wasidl.wasi.WasiView;
import org.jspecify.annotations.Nullable;

/**
 * What {@code wasidl run} attaches to an instance (the app's, or a plugin's): its WASI context, its
 * wasi:dl context (a deny-all one unless {@code --dl} granted libraries; without {@code --dl}
 * wasi:dl is not even defined) and, with {@code --keyvalue}, its wasi:keyvalue host on the run's
 * store. Closing it releases them.
 */
record RunContext(WasiCtx wasi, DlCtx dl, @Nullable KeyValueHost keyValueHost)
    implements WasiView, DlView, KeyValueHost.View, AutoCloseable {
  @Override
  public KeyValueHost keyValue() {
    if (keyValueHost == null) {
      throw new IllegalStateException("wasi:keyvalue is not defined without --keyvalue");
    }
    return keyValueHost;
  }

  @Override
  public void close() {
    try {
      dl.close();
    } finally {
      wasi.close();
    }
  }
}
