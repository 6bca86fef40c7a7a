package dev.wasidl.dl;

import dev.wasidl.ffm.Alloc;
import dev.wasidl.ffm.CanonicalBits;
import dev.wasidl.ffm.OutgoingPrimitive;
import dev.wasidl.ffm.PrimitiveType;
import org.jspecify.annotations.Nullable;

/**
 * The host side of an {@code outgoing-primitive} resource: its type, fixed by the constructor, and
 * the value of the last setter that succeeded (none until one does), kept as the canonical bits the
 * setter checked (or the alloc of {@code set-addr}, whose address is taken when the value is used).
 * {@code function.call} passes the bits as they are; {@link #value()} builds bridge-ffm's value for
 * the typed paths.
 */
final class OutgoingSlot {
  final PrimitiveType type;
  private boolean set;
  private long bits;
  private @Nullable Alloc alloc;

  boolean isPointer() {
    return type == PrimitiveType.POINTER;
  }

  OutgoingSlot(PrimitiveType type) {
    this.type = type;
  }

  /** A setter succeeded with these canonical bits. */
  void setBits(long bits) {
    this.bits = bits;
    this.alloc = null;
    this.set = true;
  }

  /** {@code set-addr} succeeded. */
  void setAlloc(Alloc alloc) {
    this.bits = 0;
    this.alloc = alloc;
    this.set = true;
  }

  boolean isSet() {
    return set;
  }

  /** The alloc of {@code set-addr}, or null for bits. */
  @Nullable Alloc alloc() {
    return alloc;
  }

  /** The canonical bits of the last setter (0 for {@code set-addr}: see {@link #alloc()}). */
  long bits() {
    return bits;
  }

  /** The value to pass. */
  OutgoingPrimitive value() {
    if (!set) {
      throw unset();
    }
    Alloc a = alloc;
    return a != null ? OutgoingPrimitive.ofAddress(a) : CanonicalBits.outgoing(type, bits);
  }

  /** The error of {@code set-addr} on a slot of {@code type}, which is not a pointer. */
  static DlError notPointer(PrimitiveType type) {
    return new DlError("set-addr is only valid for pointer, not " + type.witName());
  }

  DlError unset() {
    return new DlError("an outgoing-primitive of " + type.witName() + " was never set");
  }
}
