package dev.wasidl.ffm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.List;

/**
 * The typed path of one signature with structs by value or errno capture: {@code (target, result
 * allocator, scratch, capture, outgoing values) -> result}. Struct arguments take their bytes from
 * the caller's {@link Scratch} frame, a struct result from the result allocator (the frame, or the
 * alloc a {@code callInto} stores into); a primitive result comes as a boxed {@code Long} of
 * canonical bits, a struct result as the allocated segment, void as null.
 */
interface FrameCall {
  Object call(
      MemorySegment target,
      SegmentAllocator result,
      Scratch scratch,
      MemorySegment capture,
      List<?> args)
      throws Throwable;
}
