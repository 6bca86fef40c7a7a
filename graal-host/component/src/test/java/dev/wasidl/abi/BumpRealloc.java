package dev.wasidl.abi;

import java.util.ArrayList;
import java.util.List;

/**
 * A bump allocator as {@code cabi_realloc}: each call returns the next free address aligned as
 * asked, copying {@code min(oldSize, newSize)} bytes from the old block, and is logged as {@code
 * [old, oldSize, alignment, newSize, result]}.
 */
final class BumpRealloc implements Realloc {
  private final FakeMemory memory;
  private long next;
  final List<List<Long>> log = new ArrayList<>();

  BumpRealloc(FakeMemory memory, long heap) {
    this.memory = memory;
    this.next = heap;
  }

  @Override
  public int realloc(int originalPtr, int originalSize, int alignment, int newSize) {
    long ptr = (next + alignment - 1) / alignment * alignment;
    next = ptr + Integer.toUnsignedLong(newSize);
    long copy = Math.min(Integer.toUnsignedLong(originalSize), Integer.toUnsignedLong(newSize));
    if (originalPtr != 0 && ptr + copy <= memory.bytes.length) {
      System.arraycopy(memory.bytes, originalPtr, memory.bytes, (int) ptr, (int) copy);
    }
    log.add(
        List.of(
            Integer.toUnsignedLong(originalPtr),
            Integer.toUnsignedLong(originalSize),
            (long) alignment,
            Integer.toUnsignedLong(newSize),
            ptr));
    return (int) ptr;
  }
}
