package dev.wasidl.abi;

import java.util.Arrays;

/** A growable {@code long[]} of flat values, in the convention of {@link CoreValueIter}. */
final class FlatBuilder {
  private long[] values;
  private int size;

  FlatBuilder() {
    this(4);
  }

  /** A builder for {@code capacity} values (it grows beyond). */
  FlatBuilder(int capacity) {
    values = new long[capacity];
  }

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  void addI32(int v) {
    add(Integer.toUnsignedLong(v));
  }

  int size() {
    return size;
  }

  long get(int i) {
    return values[i];
  }

  void set(int i, long v) {
    values[i] = v;
  }

  /** The values; the builder's own array when it was sized exactly (it is not used after). */
  long[] toArray() {
    return size == values.length ? values : Arrays.copyOf(values, size);
  }
}
