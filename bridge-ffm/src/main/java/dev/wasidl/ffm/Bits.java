package dev.wasidl.ffm;

/**
 * The canonical raw form of a primitive value, shared by the fast path and the typed API: signed
 * integers sign-extended to 64 bits, unsigned integers zero-extended, {@code c-float} as its IEEE
 * bits zero-extended, {@code c-double} as its IEEE bits, pointers as the address.
 */
final class Bits {
  private Bits() {}

  static long signedMax(long bytes) {
    return bytes == 8 ? Long.MAX_VALUE : (1L << (bytes * 8 - 1)) - 1;
  }

  static long signedMin(long bytes) {
    return bytes == 8 ? Long.MIN_VALUE : -(1L << (bytes * 8 - 1));
  }

  /** The largest unsigned value of that width, as an unsigned long. */
  static long unsignedMax(long bytes) {
    return bytes == 8 ? -1L : (1L << (bytes * 8)) - 1;
  }

  /**
   * Encodes a signed integer {@code v} as {@code type}, checking that the type's range holds it.
   */
  static long fromSigned(PrimitiveType type, long v, String setter) {
    long size = type.byteSize();
    boolean fits =
        switch (type.kind()) {
          case SIGNED -> v >= signedMin(size) && v <= signedMax(size);
          case UNSIGNED, POINTER -> v >= 0 && Long.compareUnsigned(v, unsignedMax(size)) <= 0;
          case FLOAT -> throw mismatch(setter, type);
        };
    if (!fits) {
      throw new ValueRangeException(setter + "(" + v + ") does not fit " + type.witName());
    }
    return v;
  }

  /** Encodes an unsigned integer {@code v} (read as unsigned 64-bit) as {@code type}. */
  static long fromUnsigned(PrimitiveType type, long v, String setter) {
    long size = type.byteSize();
    boolean fits =
        switch (type.kind()) {
          case SIGNED -> Long.compareUnsigned(v, signedMax(size)) <= 0;
          case UNSIGNED, POINTER -> Long.compareUnsigned(v, unsignedMax(size)) <= 0;
          case FLOAT -> throw mismatch(setter, type);
        };
    if (!fits) {
      throw new ValueRangeException(
          setter + "(" + Long.toUnsignedString(v) + ") does not fit " + type.witName());
    }
    return v;
  }

  static long fromFloat(PrimitiveType type, float v) {
    return switch (type) {
      case C_FLOAT -> Integer.toUnsignedLong(Float.floatToRawIntBits(v));
      case C_DOUBLE -> Double.doubleToRawLongBits(v);
      default -> throw mismatch("set-f32", type);
    };
  }

  static long fromDouble(PrimitiveType type, double v) {
    return switch (type) {
      case C_DOUBLE -> Double.doubleToRawLongBits(v);
      case C_FLOAT -> {
        float f = (float) v;
        if (f != v && !Double.isNaN(v)) {
          throw new ValueRangeException(
              "set-f64(" + v + ") is not exactly representable as c-float");
        }
        yield Integer.toUnsignedLong(Float.floatToRawIntBits(f));
      }
      default -> throw mismatch("set-f64", type);
    };
  }

  /** Reads canonical bits of {@code type} as a signed integer of {@code bytes} width. */
  static long toSigned(PrimitiveType type, long bits, int bytes, String getter) {
    boolean fits =
        switch (type.kind()) {
          case SIGNED -> bits >= signedMin(bytes) && bits <= signedMax(bytes);
          case UNSIGNED, POINTER -> Long.compareUnsigned(bits, signedMax(bytes)) <= 0;
          case FLOAT -> throw mismatch(getter, type);
        };
    if (!fits) {
      throw new ValueRangeException(
          getter + " of " + type.witName() + " " + describe(type, bits) + " does not fit");
    }
    return bits;
  }

  /** Reads canonical bits of {@code type} as an unsigned integer of {@code bytes} width. */
  static long toUnsigned(PrimitiveType type, long bits, int bytes, String getter) {
    boolean fits =
        switch (type.kind()) {
          case SIGNED -> bits >= 0 && Long.compareUnsigned(bits, unsignedMax(bytes)) <= 0;
          case UNSIGNED, POINTER -> Long.compareUnsigned(bits, unsignedMax(bytes)) <= 0;
          case FLOAT -> throw mismatch(getter, type);
        };
    if (!fits) {
      throw new ValueRangeException(
          getter + " of " + type.witName() + " " + describe(type, bits) + " does not fit");
    }
    return bits;
  }

  static float toFloat(PrimitiveType type, long bits) {
    return switch (type) {
      case C_FLOAT -> Float.intBitsToFloat((int) bits);
      case C_DOUBLE -> {
        double d = Double.longBitsToDouble(bits);
        float f = (float) d;
        if (f != d && !Double.isNaN(d)) {
          throw new ValueRangeException("get-f32 of c-double " + d + " is not exact as f32");
        }
        yield f;
      }
      default -> throw mismatch("get-f32", type);
    };
  }

  static double toDouble(PrimitiveType type, long bits) {
    return switch (type) {
      case C_FLOAT -> Float.intBitsToFloat((int) bits);
      case C_DOUBLE -> Double.longBitsToDouble(bits);
      default -> throw mismatch("get-f64", type);
    };
  }

  /** Human-readable value of canonical bits, for messages and {@code toString}. */
  static String describe(PrimitiveType type, long bits) {
    return switch (type.kind()) {
      case SIGNED -> Long.toString(bits);
      case UNSIGNED -> Long.toUnsignedString(bits);
      case FLOAT ->
          type == PrimitiveType.C_FLOAT
              ? Float.toString(Float.intBitsToFloat((int) bits))
              : Double.toString(Double.longBitsToDouble(bits));
      case POINTER -> "0x" + Long.toHexString(bits);
    };
  }

  private static TypeMismatchException mismatch(String op, PrimitiveType type) {
    return new TypeMismatchException(op + " is not valid for " + type.witName());
  }
}
