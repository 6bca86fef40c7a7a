package dev.wasidl.ffm;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * Never loaded as itself: defined once per signature as a hidden class whose class data is that
 * signature's list handle, a JIT constant there (see {@link RawCallTemplate}).
 */
final class ListCallTemplate implements ListCall {
  private static final MethodHandle HANDLE = ClassData.handle(MethodHandles.lookup());

  @Override
  public long call(MemorySegment target, List<?> args) throws Throwable {
    return (long) HANDLE.invokeExact(target, args);
  }
}
