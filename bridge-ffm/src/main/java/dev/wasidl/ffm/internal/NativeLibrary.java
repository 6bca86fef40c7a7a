package dev.wasidl.ffm.internal;

import java.lang.ref.Cleaner;
import org.jspecify.annotations.Nullable;

/**
 * A dlopen handle shared by a library and everything obtained from it. Each holder takes a
 * reference; {@code dlclose} runs when the last one is released, so code and data of the library
 * stay mapped while any symbol, function or alloc from it is alive. Holders that are never closed
 * release their reference when they become unreachable.
 */
public final class NativeLibrary {
  private static final Cleaner CLEANER = Cleaner.create();

  private final @Nullable String name;
  private final long handle;
  private int references = 1;
  private volatile long linkMap;

  private NativeLibrary(@Nullable String name, long handle) {
    this.name = name;
    this.handle = handle;
  }

  /**
   * Opens a library with {@code dlopen}; the caller holds the first reference.
   *
   * @return the library, or null when dlopen failed (the reason is in {@link Native#dlerror()})
   */
  public static @Nullable NativeLibrary open(@Nullable String name, int mode) {
    long handle = Native.dlopen(name, mode);
    return handle == 0 ? null : new NativeLibrary(name, handle);
  }

  /** The name it was opened with; null for the running process. */
  public @Nullable String name() {
    return name;
  }

  /** The dlopen handle. */
  public long handle() {
    return handle;
  }

  /** True while at least one reference is held (the library is mapped). */
  public synchronized boolean isLoaded() {
    return references > 0;
  }

  /**
   * Takes a reference on behalf of {@code holder}, released by the returned cleanable (call {@code
   * clean()} on close) or when the holder becomes unreachable.
   */
  public Cleaner.Cleanable retain(Object holder) {
    synchronized (this) {
      if (references == 0) {
        throw new IllegalStateException("library " + name + " is already closed");
      }
      references++;
    }
    return CLEANER.register(holder, this::release);
  }

  /**
   * Hands the reference the caller already holds (the one {@link #open} gave) to {@code holder}:
   * released by the returned cleanable or when the holder becomes unreachable.
   */
  public Cleaner.Cleanable adopt(Object holder) {
    return CLEANER.register(holder, this::release);
  }

  /** Releases one reference; the last one closes the library. */
  public void release() {
    boolean close;
    synchronized (this) {
      if (references == 0) {
        return;
      }
      close = --references == 0;
    }
    if (close) {
      Native.dlclose(handle);
    }
  }

  /** The loaded object's link map ({@code dlinfo RTLD_DI_LINKMAP}); 0 when dlinfo fails. */
  public long linkMap() {
    long map = linkMap;
    if (map == 0) {
      map = Native.linkMap(handle);
      linkMap = map;
    }
    return map;
  }

  /** {@code dlsym}; 0 when not found (the reason is in {@link Native#dlerror()}). */
  public long lookup(String symbol) {
    return Native.dlsym(handle, symbol);
  }

  @Override
  public String toString() {
    return name == null ? "<process>" : name;
  }
}
