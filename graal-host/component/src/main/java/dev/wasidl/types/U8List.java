package dev.wasidl.types;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The elements of a {@code list<u8>} held as bytes: an immutable {@code List<Val>} whose elements
 * are shared {@link Val.U8} instances, so a byte costs one byte, not an object. It equals (and
 * hashes as) any list of the same {@code Val.U8}s; the canonical ABI and the bindings copy it to
 * and from memory in bulk.
 */
public final class U8List extends AbstractList<Val> implements RandomAccess {
  private static final Val.U8[] U8S = new Val.U8[256];

  static {
    for (int i = 0; i < U8S.length; i++) {
      U8S[i] = new Val.U8(i);
    }
  }

  private final byte[] bytes;

  private U8List(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The list of a copy of {@code bytes}. */
  public static U8List copyOf(byte[] bytes) {
    return new U8List(bytes.clone());
  }

  /** The shared {@code Val.U8} of {@code b}'s unsigned value. */
  public static Val.U8 u8(byte b) {
    return U8S[Byte.toUnsignedInt(b)];
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  @Override
  public Val get(int index) {
    Objects.checkIndex(index, bytes.length);
    return U8S[Byte.toUnsignedInt(bytes[index])];
  }

  @Override
  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof U8List other ? Arrays.equals(bytes, other.bytes) : super.equals(o);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
