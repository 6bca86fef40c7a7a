package dev.wasidl.ffm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Builds the typed paths' handles: each C argument is read from the argument list at a constant
 * index (a primitive's bits, or a struct written into the caller's {@link Scratch} frame), so a
 * call needs no {@code long[]}, no {@code Object[]} and no boxing. The list's shape is checked
 * before.
 */
final class Lowering {
  private static final MethodHandle BITS_AT;
  private static final MethodHandle STRUCT_AT;

  static {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    try {
      BITS_AT =
          lookup.findStatic(
              Lowering.class, "bitsAt", MethodType.methodType(long.class, List.class, int.class));
      STRUCT_AT =
          lookup.findStatic(
              Lowering.class,
              "structAt",
              MethodType.methodType(
                  MemorySegment.class,
                  Scratch.class,
                  List.class,
                  int.class,
                  StructType.class,
                  long.class,
                  long.class,
                  boolean.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Lowering() {}

  @SuppressWarnings("UnusedMethod") // called through BITS_AT
  private static long bitsAt(List<?> args, int i) {
    return ((OutgoingPrimitive) args.get(i)).bits();
  }

  @SuppressWarnings("UnusedMethod") // called through STRUCT_AT
  private static MemorySegment structAt(
      Scratch scratch,
      List<?> args,
      int i,
      StructType type,
      long size,
      long alignment,
      boolean hasPadding) {
    // size, alignment, padding come as constants: the type's own fields are not to the JIT
    return scratch.allocate(type, (OutgoingStruct) args.get(i), size, alignment, hasPadding);
  }

  /**
   * {@code (MemorySegment target, List args) -> long} from the adapted handle {@code (target, long
   * bits...) -> long | void} of a signature without structs or capture.
   */
  static MethodHandle listCall(MethodHandle adapted) {
    MethodHandle mh = adapted;
    if (mh.type().returnType() == void.class) {
      mh = MethodHandles.filterReturnValue(mh, MethodHandles.constant(long.class, 0L));
    }
    int n = mh.type().parameterCount() - 1;
    for (int i = n - 1; i >= 0; i--) {
      mh = MethodHandles.filterArguments(mh, 1 + i, MethodHandles.insertArguments(BITS_AT, 1, i));
    }
    int[] reorder = new int[1 + n];
    for (int i = 0; i < n; i++) {
      reorder[1 + i] = 1;
    }
    return MethodHandles.permuteArguments(
        mh, MethodType.methodType(long.class, MemorySegment.class, List.class), reorder);
  }

  /**
   * {@code (MemorySegment target, Scratch, MemorySegment capture, List args) -> Object} from the
   * adapted handle {@code (target, [SegmentAllocator], [capture], long bits | MemorySegment
   * struct...)}.
   */
  static MethodHandle frameCall(
      Signature signature, MethodHandle adapted, boolean structResult, boolean capture) {
    MethodHandle mh = adapted;
    if (!structResult) {
      mh = MethodHandles.dropArguments(mh, 1, SegmentAllocator.class);
    }
    if (!capture) {
      mh = MethodHandles.dropArguments(mh, 2, MemorySegment.class);
    }
    mh = mh.asType(mh.type().changeParameterType(1, Scratch.class));
    List<FfiType> params = signature.params();
    int n = params.size();
    for (int i = n - 1; i >= 0; i--) {
      mh =
          switch (params.get(i)) {
            case PrimitiveType p ->
                MethodHandles.filterArguments(
                    mh, 3 + i, MethodHandles.insertArguments(BITS_AT, 1, i));
            case StructType st ->
                MethodHandles.collectArguments(
                    mh,
                    3 + i,
                    MethodHandles.insertArguments(
                        STRUCT_AT, 2, i, st, st.byteSize(), st.byteAlignment(), st.hasPadding()));
          };
    }
    // Every List parameter becomes the one list, every Scratch parameter the one scratch.
    int[] reorder = new int[mh.type().parameterCount()];
    reorder[1] = 1;
    reorder[2] = 2;
    int k = 3;
    for (FfiType p : params) {
      if (p instanceof StructType) {
        reorder[k++] = 1;
      }
      reorder[k++] = 3;
    }
    MethodType type =
        MethodType.methodType(
            mh.type().returnType(),
            MemorySegment.class,
            Scratch.class,
            MemorySegment.class,
            List.class);
    mh = MethodHandles.permuteArguments(mh, type, reorder);
    return mh.asType(type.changeReturnType(Object.class));
  }
}
