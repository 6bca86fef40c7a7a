package dev.wasidl.ffm;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * Never loaded as itself: its bytes are defined once per signature as a hidden class whose class
 * data is that signature's raw method handle. In a static final of a hidden class the handle is a
 * JIT constant, so a call through it inlines the whole adapted downcall, as a static-final handle
 * in user code would.
 */
final class RawCallTemplate implements RawCall {
  private static final MethodHandle HANDLE = ClassData.handle(MethodHandles.lookup());

  @Override
  public long call(MemorySegment target, long[] args) throws Throwable {
    return (long) HANDLE.invokeExact(target, args);
  }
}
