package dev.wasidl.runtime;

import dev.wasidl.abi.LiftLowerContext;
import dev.wasidl.component.StringEncoding;
import dev.wasidl.graal.DeferredStores;
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
      GraalRealloc guest = GraalRealloc.of(realloc);
      cx =
          cx.withRealloc(
              (ptr, size, align, newSize) -> {
                if (deferred != null) {
                  deferred.flush(); // the guest's realloc sees memory as the stores left it
                }
                return instance.withoutLeaving(
                    "realloc", () -> guest.realloc(ptr, size, align, newSize));
              });
    }
    return cx;
  }
}
