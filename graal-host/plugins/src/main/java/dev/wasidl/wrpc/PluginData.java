package dev.wasidl.wrpc;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The host state (WASI, wasi:dl...) of a served plugin's instance: a new one for each instantiation
 * (the server makes a new instance after a trap), the one before closed, releasing what it held.
 * Use {@link #next} in the instantiation a {@link Server} is given.
 */
public final class PluginData<T> implements AutoCloseable {
  private final Supplier<T> open;
  private final Consumer<T> close;
  private @Nullable T current;

  /** States made by {@code open} and ended by {@code close}. */
  public PluginData(Supplier<T> open, Consumer<T> close) {
    this.open = open;
    this.close = close;
  }

  /** A fresh state, after closing the last one. */
  public synchronized T next() {
    close();
    T fresh = open.get();
    current = fresh;
    return fresh;
  }

  /** Closes the current state, if any. */
  @Override
  public synchronized void close() {
    T last = current;
    current = null;
    if (last != null) {
      close.accept(last);
    }
  }
}
