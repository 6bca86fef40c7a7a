package dev.wasidl.ffm;

/** The free functions of wasi:dl's {@code ffi} interface. */
public final class Ffi {
  private Ffi() {}

  /** wasi:dl {@code sizeof}: the size of {@code type} in bytes, as the C compiler computes it. */
  public static int sizeof(PrimitiveType type) {
    return (int) type.byteSize();
  }
}
