package dev.wasidl.ffm;

import java.lang.foreign.MemorySegment;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A primitive passed to C, wasi:dl's {@code outgoing-primitive}: its type and its value, built by
 * the factories that mirror the WIT setters (each checks the value against the type's range).
 *
 * <p>A pointer is either a raw address or an {@link Alloc}; an alloc's address is taken when the
 * value is used, so the alloc must still be open then (and a grown string alloc passes its new
 * buffer).
 */
public final class OutgoingPrimitive implements OutgoingValue {
  /** The null pointer. */
  public static final OutgoingPrimitive NULL =
      new OutgoingPrimitive(PrimitiveType.POINTER, 0, null);

  private final PrimitiveType type;
  private final long bits;
  private final @Nullable Alloc alloc;

  private OutgoingPrimitive(PrimitiveType type, long bits, @Nullable Alloc alloc) {
    this.type = type;
    this.bits = bits;
    this.alloc = alloc;
  }

  /** WIT {@code set-s8}..{@code set-s64}: a signed integer stored as {@code type}. */
  public static OutgoingPrimitive ofSigned(PrimitiveType type, long value) {
    return new OutgoingPrimitive(type, Bits.fromSigned(type, value, "set-s64"), null);
  }

  /** WIT {@code set-u8}..{@code set-u64}: {@code value} read as unsigned 64-bit, stored as type. */
  public static OutgoingPrimitive ofUnsigned(PrimitiveType type, long value) {
    return new OutgoingPrimitive(type, Bits.fromUnsigned(type, value, "set-u64"), null);
  }

  /** WIT {@code set-f32}: for {@code c-float} and {@code c-double}. */
  public static OutgoingPrimitive ofFloat(PrimitiveType type, float value) {
    return new OutgoingPrimitive(type, Bits.fromFloat(type, value), null);
  }

  /** WIT {@code set-f64}: for {@code c-double}, and {@code c-float} when exactly representable. */
  public static OutgoingPrimitive ofDouble(PrimitiveType type, double value) {
    return new OutgoingPrimitive(type, Bits.fromDouble(type, value), null);
  }

  /** WIT {@code set-addr}: the address of the region, resolved when the value is used. */
  public static OutgoingPrimitive ofAddress(Alloc alloc) {
    return new OutgoingPrimitive(PrimitiveType.POINTER, 0, Objects.requireNonNull(alloc));
  }

  /** A raw address as a pointer. */
  public static OutgoingPrimitive ofAddress(long address) {
    return new OutgoingPrimitive(PrimitiveType.POINTER, address, null);
  }

  /** A segment's address as a pointer (the segment's lifetime is the caller's business). */
  public static OutgoingPrimitive ofAddress(MemorySegment segment) {
    return ofAddress(segment.address());
  }

  /** Canonical bits, as the fast path takes them. */
  static OutgoingPrimitive ofBits(PrimitiveType type, long bits) {
    return new OutgoingPrimitive(type, bits, null);
  }

  @Override
  public PrimitiveType type() {
    return type;
  }

  /**
   * The value in canonical raw form (see {@link Function#invokeRaw}); for an alloc, its current
   * address.
   *
   * @throws ClosedException if the value points at an alloc that was closed
   */
  public long bits() {
    return alloc == null ? bits : alloc.address();
  }

  /** The alloc this pointer refers to, if it was built from one. */
  public @Nullable Alloc alloc() {
    return alloc;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutgoingPrimitive p
        && p.type == type
        && p.bits == bits
        && Objects.equals(p.alloc, alloc);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, bits, alloc);
  }

  @Override
  public String toString() {
    return type.witName() + "(" + (alloc != null ? alloc : Bits.describe(type, bits)) + ")";
  }
}
