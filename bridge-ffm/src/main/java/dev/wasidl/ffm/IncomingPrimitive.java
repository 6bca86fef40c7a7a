package dev.wasidl.ffm;

import dev.wasidl.ffm.internal.NativeLibrary;
import org.jspecify.annotations.Nullable;

/**
 * A primitive that came back from C, wasi:dl's {@code incoming-primitive}. The getters mirror the
 * WIT's and succeed when the value fits the getter's range.
 */
public final class IncomingPrimitive implements IncomingValue {
  private final PrimitiveType type;
  private final long bits;
  // A pointer from a library's function may point into that library: keep it loaded.
  private final @Nullable NativeLibrary origin;

  IncomingPrimitive(PrimitiveType type, long bits, @Nullable NativeLibrary origin) {
    this.type = type;
    this.bits = bits;
    this.origin = origin;
  }

  /** A value of {@code type} given in canonical raw form (see {@link Function#invokeRaw}). */
  public static IncomingPrimitive ofBits(PrimitiveType type, long bits) {
    return new IncomingPrimitive(type, bits, null);
  }

  @Override
  public PrimitiveType type() {
    return type;
  }

  /** The value in canonical raw form. */
  public long bits() {
    return bits;
  }

  /** WIT {@code get-s8}. */
  public byte getS8() {
    return (byte) Bits.toSigned(type, bits, 1, "get-s8");
  }

  /** WIT {@code get-s16}. */
  public short getS16() {
    return (short) Bits.toSigned(type, bits, 2, "get-s16");
  }

  /** WIT {@code get-s32}. */
  public int getS32() {
    return (int) Bits.toSigned(type, bits, 4, "get-s32");
  }

  /** WIT {@code get-s64}. */
  public long getS64() {
    return Bits.toSigned(type, bits, 8, "get-s64");
  }

  /** WIT {@code get-u8}, as an int in 0..255. */
  public int getU8() {
    return (int) Bits.toUnsigned(type, bits, 1, "get-u8");
  }

  /** WIT {@code get-u16}, as an int in 0..65535. */
  public int getU16() {
    return (int) Bits.toUnsigned(type, bits, 2, "get-u16");
  }

  /** WIT {@code get-u32}, as a long in 0..2^32-1. */
  public long getU32() {
    return Bits.toUnsigned(type, bits, 4, "get-u32");
  }

  /** WIT {@code get-u64}: the bits as an unsigned 64-bit value (a pointer's address too). */
  public long getU64() {
    return Bits.toUnsigned(type, bits, 8, "get-u64");
  }

  /** WIT {@code get-f32}. */
  public float getF32() {
    return Bits.toFloat(type, bits);
  }

  /** WIT {@code get-f64}. */
  public double getF64() {
    return Bits.toDouble(type, bits);
  }

  /**
   * WIT {@code get-alloc}: the foreign region at this pointer, typed {@code pointer}, which frees
   * nothing when closed.
   */
  public Alloc getAlloc() {
    return getAlloc(PrimitiveType.POINTER);
  }

  /** The foreign region at this pointer, holding a {@code type} (sized by that type). */
  public Alloc getAlloc(FfiType type) {
    if (this.type != PrimitiveType.POINTER) {
      throw new TypeMismatchException("get-alloc is only valid for pointer, not " + this.type);
    }
    return Alloc.foreign(bits, type, origin);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IncomingPrimitive p && p.type == type && p.bits == bits;
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + Long.hashCode(bits);
  }

  @Override
  public String toString() {
    return type.witName() + "(" + Bits.describe(type, bits) + ")";
  }
}
