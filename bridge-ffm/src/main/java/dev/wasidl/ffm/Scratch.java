package dev.wasidl.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * A per-thread stack of native memory for the bytes one typed call needs while C runs: structs
 * passed by value, a struct result, the errno capture state. A call takes a {@link #mark()}, bumps
 * the top for its own frame, and {@link #reset resets} to the mark when it returns or throws, so an
 * arena per call is not needed.
 *
 * <p>Re-entrance: a callback that calls back into C through another function on the same thread
 * allocates above the outer call's frame (the outer call's top stays bumped while C runs), and
 * resets to its own mark, so no frame is reused while a call that owns it is still running. Nothing
 * outlives its frame: results are copied into Java values before the reset. Threads never share a
 * stack. A frame that does not fit the chunk gets GC-managed memory of its own instead.
 */
final class Scratch implements SegmentAllocator {
  /** Enough for every common signature; larger frames fall back to GC-managed memory. */
  static final long CHUNK_SIZE = 4096;

  private static final long CHUNK_ALIGNMENT = 16;
  private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

  // Auto arena: the chunk is freed when the thread (and so this object) is gone.
  private final MemorySegment chunk = Arena.ofAuto().allocate(CHUNK_SIZE, CHUNK_ALIGNMENT);
  private final long base = chunk.address();
  private long top;

  private Scratch() {}

  /** This thread's stack. */
  static Scratch current() {
    return CURRENT.get();
  }

  /** The current top, to {@link #reset} to when the frame ends. */
  long mark() {
    return top;
  }

  /** Frees everything allocated since {@code mark}. */
  void reset(long mark) {
    top = mark;
  }

  @Override
  public MemorySegment allocate(long byteSize, long byteAlignment) {
    if (byteSize < 0 || byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
      throw new IllegalArgumentException(
          "bad size or alignment: " + byteSize + ", " + byteAlignment);
    }
    long start = ((base + top + byteAlignment - 1) & -byteAlignment) - base;
    MemorySegment region = chunk;
    if (start < 0 || start > CHUNK_SIZE - byteSize) {
      region = Arena.ofAuto().allocate(byteSize, byteAlignment);
      start = 0;
    } else {
      top = start + byteSize;
    }
    // One slice site for both cases: the JIT can then scalar-replace the segment of a call whose
    // frame fits (a merge of two allocations would make it escape).
    // The linker and Memory.write overwrite every byte they use; padding is zeroed for C's sake.
    return region.asSlice(start, byteSize).fill((byte) 0);
  }
}
