package dev.wasidl.ffm;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/** The class data of a hidden class spun from a call template: that signature's method handle. */
final class ClassData {
  private ClassData() {}

  /** Called from the hidden class's static initializer with its own lookup. */
  static MethodHandle handle(MethodHandles.Lookup lookup) {
    try {
      return MethodHandles.classData(lookup, ConstantDescs.DEFAULT_NAME, MethodHandle.class);
    } catch (IllegalAccessException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
