package dev.wasidl.abi;

import java.util.Arrays;

/** A growable {@code long[]} of flat values, in the convention of {@link CoreValueIter}. */
final class FlatBuilder {
  private long[] values = new long[4];
  private int size;

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

  long[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
