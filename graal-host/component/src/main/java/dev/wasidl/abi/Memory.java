package dev.wasidl.abi;

/**
 * A core linear memory as the canonical ABI sees it: little-endian loads and stores at byte
 * addresses (unsigned 32-bit, carried in an int), bounds-checked by the implementation, which
 * throws a {@link Trap} on an out-of-bounds access. Implemented over GraalWasm's memory and, in
 * unit tests, over a byte array. Bulk methods exist so lifting a string or list costs one crossing,
 * not one per byte.
 */
public interface Memory {

  /** The current size in bytes. */
  long byteSize();

  /**
   * Whether {@code [address, address + length)} lies in the memory ({@code address} and {@code
   * length} unsigned, as longs). An implementation may answer from a size it saw before, since a
   * memory never shrinks, and ask again only when that says no.
   */
  default boolean contains(long address, long length) {
    return length >= 0 && address >= 0 && address + length <= byteSize();
  }

  byte loadI8(int address);

  short loadI16(int address);

  int loadI32(int address);

  long loadI64(int address);

  void storeI8(int address, byte value);

  void storeI16(int address, short value);

  void storeI32(int address, int value);

  void storeI64(int address, long value);

  /** Copies {@code length} bytes at {@code address} into {@code dst[offset..]}. */
  void read(int address, byte[] dst, int offset, int length);

  /** Copies {@code src[offset..offset+length)} to {@code address}. */
  void write(int address, byte[] src, int offset, int length);

  /** Checks that {@code [address, address + length)} lies in the memory, else traps. */
  default void checkBounds(int address, long length) {
    long start = Integer.toUnsignedLong(address);
    if (!contains(start, length)) {
      throw new Trap(
          "out of bounds: "
              + length
              + " bytes at "
              + start
              + " in a memory of "
              + byteSize()
              + " bytes");
    }
  }
}
