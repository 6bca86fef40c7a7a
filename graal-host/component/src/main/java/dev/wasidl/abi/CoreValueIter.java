package dev.wasidl.abi;

/**
 * Core values read one at a time while lifting (the spec's {@code CoreValueIter}).
 *
 * <p>The flat-value convention of the whole package: a flat value is a {@code long}. An {@code i32}
 * is its 32 bits zero-extended (the spec's unsigned value; readers use only the low 32 bits, so a
 * sign-extended {@code (long) intValue} reads the same); an {@code i64} is its 64 bits; an {@code
 * f32} is {@link Float#floatToRawIntBits} zero-extended; an {@code f64} is {@link
 * Double#doubleToRawLongBits}. A host can so pass any core signature as a {@code long[]} without
 * boxing, and the spec's {@code i32}/{@code f32} and {@code i64}/{@code f64} reinterpretations of
 * variant payloads are free.
 */
public final class CoreValueIter implements FlatSource {
  private final long[] values;
  private int i;

  private CoreValueIter(long[] values) {
    this.values = values;
  }

  /** Iterates {@code values} (not copied). */
  public static CoreValueIter of(long... values) {
    return new CoreValueIter(values);
  }

  /** The next value, read as a {@code t}; traps when there is none. */
  @Override
  public long next(FlatType t) {
    if (i >= values.length) {
      throw new Trap("expected another core value of type " + t + " after " + i + " values");
    }
    long v = values[i++];
    return switch (t) {
      case I32, F32 -> v & 0xffff_ffffL;
      case I64, F64 -> v;
    };
  }

  /** The next {@code i32}. */
  public int nextI32() {
    return (int) next(FlatType.I32);
  }

  /** Whether every value has been read. */
  public boolean done() {
    return i == values.length;
  }

  /** How many values have been read. */
  public int position() {
    return i;
  }
}
