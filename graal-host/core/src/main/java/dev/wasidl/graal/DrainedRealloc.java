package dev.wasidl.graal;

import dev.wasidl.abi.Realloc;
import org.jspecify.annotations.Nullable;

/**
 * A guest's {@code realloc} (canon option) that a store adapter may call in wasm for the
 * allocations a {@link DeferredStores} queue holds, bracketed by {@link #enter} and {@link #exit}
 * as a call from Java is.
 */
public abstract class DrainedRealloc implements Realloc {
  private final GraalFunction function;
  // the queue whose adapters call this function ({@link DeferredStores#adopt}), if one does
  @Nullable DeferredStores queue;

  protected DrainedRealloc(GraalFunction function) {
    this.function = function;
  }

  /** The core function. */
  public final GraalFunction function() {
    return function;
  }

  /** Before the adapter calls it: the instance's {@code may_leave} cleared. */
  public abstract void enter();

  /** After it returned: {@code may_leave} as it was before {@link #enter}. */
  public abstract void exit();
}
