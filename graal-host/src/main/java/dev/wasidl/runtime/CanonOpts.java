package dev.wasidl.runtime;

import dev.wasidl.abi.LiftLowerContext;
import dev.wasidl.component.StringEncoding;
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
    LiftLowerContext cx =
        LiftLowerContext.of(instance.handles())
            .withStringEncoding(encoding)
            .withUtf8HostStrings()
            .withMaxListElements(instance.maxListElements());
    if (memory != null) {
      cx = cx.withMemory(memory);
    }
    if (realloc != null) {
      GraalRealloc guest = GraalRealloc.of(realloc);
      cx =
          cx.withRealloc(
              (ptr, size, align, newSize) ->
                  instance.withoutLeaving(
                      "realloc", () -> guest.realloc(ptr, size, align, newSize)));
    }
    return cx;
  }
}
