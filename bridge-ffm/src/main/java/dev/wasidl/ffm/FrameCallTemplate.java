package dev.wasidl.ffm;

import java.lang.constant.ConstantDescs;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * Never loaded as itself: defined once per signature as a hidden class whose class data is that
 * signature's frame handle, a JIT constant there (see {@link RawCallTemplate}).
 */
final class FrameCallTemplate implements FrameCall {
  private static final MethodHandle HANDLE;

  static {
    try {
      HANDLE =
          MethodHandles.classData(
              MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class);
    } catch (IllegalAccessException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override
  public Object call(MemorySegment target, Scratch scratch, MemorySegment capture, List<?> args)
      throws Throwable {
    return (Object) HANDLE.invokeExact(target, scratch, capture, args);
  }
}
