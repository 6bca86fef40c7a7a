package dev.wasidl.ffm;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * The typed path of one signature with structs by value or errno capture: {@code (target, scratch,
 * capture, outgoing values) -> result}. Struct arguments and a struct result take their bytes from
 * the caller's {@link Scratch} frame; a primitive result comes as a boxed {@code Long} of canonical
 * bits, a struct result as a segment in the frame, void as null.
 */
interface FrameCall {
  Object call(MemorySegment target, Scratch scratch, MemorySegment capture, List<?> args)
      throws Throwable;
}
