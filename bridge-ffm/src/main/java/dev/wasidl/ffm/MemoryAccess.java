package dev.wasidl.ffm;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import dev.wasidl.ffm.internal.NativeLibrary;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes typed values in memory by C layout rules, in canonical bits (see {@link Bits}).
 * Accesses are unaligned-safe, since foreign regions may be anywhere.
 */
final class MemoryAccess {
  private MemoryAccess() {}

  /** Reads the primitive at {@code offset} in canonical bits. */
  static long get(MemorySegment s, long offset, PrimitiveType type) {
    int size = (int) type.byteSize();
    long raw =
        switch (size) {
          case 1 -> s.get(JAVA_BYTE, offset);
          case 2 -> s.get(JAVA_SHORT_UNALIGNED, offset);
          case 4 -> s.get(JAVA_INT_UNALIGNED, offset);
          case 8 -> s.get(JAVA_LONG_UNALIGNED, offset);
          default -> throw new IllegalStateException("unexpected size " + size);
        };
    return type.kind() == PrimitiveType.Kind.SIGNED || size == 8
        ? raw
        : raw & Bits.unsignedMax(size);
  }

  /** Writes canonical bits of a primitive at {@code offset}. */
  static void put(MemorySegment s, long offset, PrimitiveType type, long bits) {
    switch ((int) type.byteSize()) {
      case 1 -> s.set(JAVA_BYTE, offset, (byte) bits);
      case 2 -> s.set(JAVA_SHORT_UNALIGNED, offset, (short) bits);
      case 4 -> s.set(JAVA_INT_UNALIGNED, offset, (int) bits);
      case 8 -> s.set(JAVA_LONG_UNALIGNED, offset, bits);
      default -> throw new IllegalStateException("unexpected size " + type.byteSize());
    }
  }

  /** Reads a value of {@code type} at {@code offset}. */
  static IncomingValue read(
      MemorySegment s, long offset, FfiType type, @Nullable NativeLibrary origin) {
    return switch (type) {
      case PrimitiveType p -> new IncomingPrimitive(p, get(s, offset, p), origin);
      case StructType st -> readStruct(s, offset, st, origin);
    };
  }

  /** Reads a struct: primitive fields in the loop, nested structs by recursion (kept small). */
  static IncomingStruct readStruct(
      MemorySegment s, long offset, StructType st, @Nullable NativeLibrary origin) {
    List<FfiType> types = st.fields();
    IncomingValue[] fields = new IncomingValue[types.size()];
    for (int i = 0; i < fields.length; i++) {
      long at = offset + st.offset(i);
      fields[i] =
          types.get(i) instanceof PrimitiveType p
              ? new IncomingPrimitive(p, get(s, at, p), origin)
              : readStruct(s, at, (StructType) types.get(i), origin);
    }
    // List.of copies once; the record's List.copyOf keeps an immutable list as it is.
    return new IncomingStruct(st, List.of(fields));
  }

  /** Writes {@code value} as {@code type} at {@code offset}; call {@link #checkShape} first. */
  static void write(MemorySegment s, long offset, FfiType type, OutgoingValue value) {
    switch (type) {
      case PrimitiveType p -> put(s, offset, p, ((OutgoingPrimitive) value).bits());
      case StructType st -> writeStruct(s, offset, st, (OutgoingStruct) value);
    }
  }

  /** Writes a struct: primitive fields in the loop, nested structs by recursion (kept small). */
  static void writeStruct(MemorySegment s, long offset, StructType st, OutgoingStruct value) {
    List<FfiType> types = st.fields();
    List<OutgoingValue> fields = value.fields();
    for (int i = 0; i < types.size(); i++) {
      long at = offset + st.offset(i);
      if (types.get(i) instanceof PrimitiveType p) {
        put(s, at, p, ((OutgoingPrimitive) fields.get(i)).bits());
      } else {
        writeStruct(s, at, (StructType) types.get(i), (OutgoingStruct) fields.get(i));
      }
    }
  }

  /**
   * Writes the fields of a struct of primitive {@code types} at {@code offsets}, checking each
   * field's type as it goes (the count is the caller's to check): false, with the bytes so far
   * written, at the first field of another type. One pass over the values for a typed call.
   */
  static boolean writeFlatChecked(
      MemorySegment s, PrimitiveType[] types, long[] offsets, List<OutgoingValue> fields) {
    for (int i = 0; i < types.length; i++) {
      if (!(fields.get(i) instanceof OutgoingPrimitive f) || f.type() != types[i]) {
        return false;
      }
      put(s, offsets[i], types[i], f.bits());
    }
    return true;
  }

  /**
   * True if {@code value} is a struct whose fields the frame path checks as it writes them: a
   * struct of primitive fields with as many values as fields. For any other type, {@link #matches}.
   */
  static boolean matchesForFrame(FfiType type, OutgoingValue value) {
    PrimitiveType[] flat = type instanceof StructType st ? st.primitiveFields() : null;
    if (flat != null) {
      return value instanceof OutgoingStruct v && v.fields().size() == flat.length;
    }
    return matches(type, value);
  }

  /**
   * True if {@code value} has exactly {@code type}, field by field: identity of primitive types, no
   * message built. On false, {@link #checkShape} names the mismatch.
   */
  static boolean matches(FfiType type, OutgoingValue value) {
    if (type instanceof PrimitiveType p) {
      return value instanceof OutgoingPrimitive v && v.type() == p;
    }
    if (!(value instanceof OutgoingStruct v)) {
      return false;
    }
    StructType st = (StructType) type;
    PrimitiveType[] flat = st.primitiveFields();
    return flat != null ? matchesFlat(flat, v.fields()) : matchesNested(st, v.fields());
  }

  // Kept apart from matches (not recursive itself), so the JIT inlines the common case whole.
  private static boolean matchesFlat(PrimitiveType[] types, List<OutgoingValue> fields) {
    if (fields.size() != types.length) {
      return false;
    }
    for (int i = 0; i < types.length; i++) {
      if (!(fields.get(i) instanceof OutgoingPrimitive f && f.type() == types[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesNested(StructType st, List<OutgoingValue> fields) {
    List<FfiType> types = st.fields();
    if (fields.size() != types.size()) {
      return false;
    }
    for (int i = 0; i < types.size(); i++) {
      if (!matches(types.get(i), fields.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks that {@code value} has exactly {@code type}, field by field.
   *
   * @param what names the value in the message, e.g. {@code "argument 2"}
   */
  static void checkShape(FfiType type, OutgoingValue value, String what) {
    switch (type) {
      case PrimitiveType p -> {
        if (!(value instanceof OutgoingPrimitive v) || v.type() != p) {
          throw new TypeMismatchException(
              what + ": expected " + p.witName() + ", got " + describe(value));
        }
      }
      case StructType st -> {
        if (!(value instanceof OutgoingStruct v)) {
          throw new TypeMismatchException(
              what + ": expected " + st.witName() + ", got " + describe(value));
        }
        if (v.fields().size() != st.fields().size()) {
          throw new TypeMismatchException(
              what
                  + ": expected "
                  + st.witName()
                  + " with "
                  + st.fields().size()
                  + " fields, got "
                  + v.fields().size());
        }
        for (int i = 0; i < st.fields().size(); i++) {
          checkShape(st.fields().get(i), v.fields().get(i), what + " field " + i);
        }
      }
    }
  }

  private static String describe(OutgoingValue value) {
    return switch (value) {
      case OutgoingPrimitive p -> p.type().witName();
      case OutgoingStruct s -> "a struct of " + s.fields().size() + " fields";
    };
  }
}
