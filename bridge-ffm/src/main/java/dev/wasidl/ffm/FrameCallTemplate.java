package dev.wasidl.ffm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * Never loaded as itself: defined once per signature as a hidden class whose class data is that
 * signature's frame handle, a JIT constant there (see {@link RawCallTemplate}).
 */
final class FrameCallTemplate implements FrameCall {
  private static final MethodHandle HANDLE = ClassData.handle(MethodHandles.lookup());

  @Override
  public Object call(
      MemorySegment target,
      SegmentAllocator result,
      Scratch scratch,
      MemorySegment capture,
      List<?> args)
      throws Throwable {
    return (Object) HANDLE.invokeExact(target, result, scratch, capture, args);
  }
}
