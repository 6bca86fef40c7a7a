package dev.wasidl.runtime;

import dev.wasidl.abi.LiftLowerContext;
import dev.wasidl.component.StringEncoding;
import dev.wasidl.graal.DeferredStores;
import dev.wasidl.graal.DrainedRealloc;
import dev.wasidl.graal.GraalFunction;
import dev.wasidl.graal.GraalMemory;
import dev.wasidl.graal.GraalRealloc;
import org.jspecify.annotations.Nullable;

/** A canon definition's options, resolved to this instance's memory and functions. */
record CanonOpts(
    StringEncoding encoding,
    @Nullable GraalMemory memory,
    @Nullable GraalFunction realloc,
    @Nullable GraalFunction postReturn) {

  /**
   * The context these options give calls of {@code instance}, built once per lifted or lowered
   * function; each call adds its own borrow scope.
   */
  LiftLowerContext context(InstanceState instance) {
    return context(instance, null);
  }

  /**
   * The context of a lowered host function that stores its result through an out-pointer: stores go
   * to the memory's {@link DeferredStores} queue, which the guest's realloc flushes first.
   */
  LiftLowerContext deferringContext(InstanceState instance) {
    return context(instance, memory == null ? null : memory.deferredStores());
  }

  private LiftLowerContext context(InstanceState instance, @Nullable DeferredStores deferred) {
    LiftLowerContext cx =
        LiftLowerContext.of(instance.handles())
            .withStringEncoding(encoding)
            .withUtf8HostStrings()
            .withMaxListElements(instance.maxListElements())
            .withMaxLiftedBytes(instance.maxLiftedBytes());
    if (deferred != null) {
      cx = cx.withMemory(deferred);
    } else if (memory != null) {
      cx = cx.withMemory(memory);
    }
    if (realloc != null) {
      GuestRealloc r = new GuestRealloc(realloc, instance, deferred);
      if (deferred != null) {
        deferred.adopt(r); // its store adapters call it for queued allocations
      }
      cx = cx.withRealloc(r);
    }
    return cx;
  }

  /**
   * The guest's realloc as a lowering calls it: with {@code may_leave} cleared, and after the
   * queued stores, which it must see made.
   */
  private static final class GuestRealloc extends DrainedRealloc {
    private final GraalRealloc guest;
    private final InstanceState instance;
    private final @Nullable DeferredStores deferred;
    private @Nullable String before; // between enter and exit

    GuestRealloc(
        GraalFunction function, InstanceState instance, @Nullable DeferredStores deferred) {
      super(function);
      this.guest = GraalRealloc.of(function);
      this.instance = instance;
      this.deferred = deferred;
    }

    @Override
    public int realloc(int ptr, int size, int align, int newSize) {
      if (deferred != null) {
        deferred.flush();
      }
      return instance.withoutLeaving("realloc", () -> guest.realloc(ptr, size, align, newSize));
    }

    @Override
    public void enter() {
      before = instance.stopLeaving("realloc");
    }

    @Override
    public void exit() {
      instance.resumeLeaving(before);
      before = null;
    }
  }
}
