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
    OutgoingStruct value = (OutgoingStruct) args.get(i);
    MemorySegment s = scratch.allocate(type, value, size, alignment, hasPadding);
    if (s == null) {
      // a field of another type, found while writing (before C is called): name it
      MemoryAccess.checkShape(type, value, "argument " + i);
      throw new IllegalStateException("argument " + i + " was refused but matches " + type);
    }
    return s;
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
   * {@code (MemorySegment target, SegmentAllocator result, Scratch, MemorySegment capture, List
   * args) -> Object} from the adapted handle {@code (target, [SegmentAllocator], [capture], long
   * bits | MemorySegment struct...)}: struct arguments take their bytes from the scratch frame, a
   * struct result its memory from {@code result} (the frame too, or the caller's alloc).
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
    mh = MethodHandles.dropArguments(mh, 2, Scratch.class);
    List<FfiType> params = signature.params();
    int n = params.size();
    for (int i = n - 1; i >= 0; i--) {
      mh =
          switch (params.get(i)) {
            case PrimitiveType p ->
                MethodHandles.filterArguments(
                    mh, 4 + i, MethodHandles.insertArguments(BITS_AT, 1, i));
            case StructType st ->
                MethodHandles.collectArguments(
                    mh,
                    4 + i,
                    MethodHandles.insertArguments(
                        STRUCT_AT, 2, i, st, st.byteSize(), st.byteAlignment(), st.hasPadding()));
          };
    }
    // Every List parameter becomes the one list, every Scratch parameter the one scratch.
    int[] reorder = new int[mh.type().parameterCount()];
    reorder[1] = 1;
    reorder[2] = 2;
    reorder[3] = 3;
    int k = 4;
    for (FfiType p : params) {
      if (p instanceof StructType) {
        reorder[k++] = 2;
      }
      reorder[k++] = 4;
    }
    MethodType type =
        MethodType.methodType(
            mh.type().returnType(),
            MemorySegment.class,
            SegmentAllocator.class,
            Scratch.class,
            MemorySegment.class,
            List.class);
    mh = MethodHandles.permuteArguments(mh, type, reorder);
    return mh.asType(type.changeReturnType(Object.class));
  }
}
