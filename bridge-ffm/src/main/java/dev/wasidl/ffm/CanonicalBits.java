package dev.wasidl.ffm;

/**
 * The checks of {@link OutgoingPrimitive}'s factories without the object: each returns the value's
 * canonical bits (see {@link Function#invokeRaw}) or throws exactly what the factory would. For a
 * host that keeps a settable primitive as bits and builds the {@link OutgoingPrimitive} only when a
 * typed API needs it ({@link #outgoing}).
 */
public final class CanonicalBits {
  private CanonicalBits() {}

  /** As {@link OutgoingPrimitive#ofSigned}. */
  public static long ofSigned(PrimitiveType type, long value) {
    return Bits.fromSigned(type, value, "set-s64");
  }

  /** As {@link OutgoingPrimitive#ofUnsigned}. */
  public static long ofUnsigned(PrimitiveType type, long value) {
    return Bits.fromUnsigned(type, value, "set-u64");
  }

  /** As {@link OutgoingPrimitive#ofFloat}. */
  public static long ofFloat(PrimitiveType type, float value) {
    return Bits.fromFloat(type, value);
  }

  /** As {@link OutgoingPrimitive#ofDouble}. */
  public static long ofDouble(PrimitiveType type, double value) {
    return Bits.fromDouble(type, value);
  }

  /** The outgoing primitive of {@code type} whose canonical bits are {@code bits} (unchecked). */
  public static OutgoingPrimitive outgoing(PrimitiveType type, long bits) {
    return OutgoingPrimitive.ofBits(type, bits);
  }
}
