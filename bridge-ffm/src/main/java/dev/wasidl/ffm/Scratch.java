package dev.wasidl.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import org.jspecify.annotations.Nullable;

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

  /** Frame regions start at multiples of this, so each start has one {@link #slices} entry. */
  private static final long SLICE_GRAIN = 8;

  private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

  // Auto arena: the chunk is freed when the thread (and so this object) is gone.
  private final MemorySegment chunk = Arena.ofAuto().allocate(CHUNK_SIZE, CHUNK_ALIGNMENT);
  private final long base = chunk.address();
  private long top;

  // One per possible start, the chunk's end included (an empty region may start there).
  private final MemorySegment[] slices = new MemorySegment[(int) (CHUNK_SIZE / SLICE_GRAIN) + 1];

  private Scratch() {}

  // The stack last asked for, on any thread: a field read and an owner check instead of a
  // ThreadLocal lookup for the common case of one calling thread. Racy by design and safe: a
  // thread only ever uses a stack it owns.
  @SuppressWarnings("NonFinalStaticField") // a racy cache, see above
  private static @Nullable Scratch last;

  private final Thread owner = Thread.currentThread();

  /** This thread's stack. */
  static Scratch current() {
    Scratch s = last;
    if (s != null && s.owner == Thread.currentThread()) {
      return s;
    }
    s = CURRENT.get();
    last = s;
    return s;
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
    long start = bump(byteSize, byteAlignment);
    if (start < 0) {
      return Arena.ofAuto().allocate(byteSize, byteAlignment);
    }
    // The linker and MemoryAccess.write overwrite every byte they use; padding is zeroed for C's
    // sake.
    return slice(start, byteSize).fill((byte) 0);
  }

  /**
   * A struct argument's bytes in a new frame region ({@code type}'s size and alignment given), its
   * padding zeroed for C's sake (a struct without padding is written whole, so it is not zeroed).
   * For a struct of primitive fields the field types are checked here, while written (the caller
   * checked only the field count): null if one differs.
   */
  @Nullable MemorySegment allocate(
      StructType type,
      OutgoingStruct value,
      long byteSize,
      long byteAlignment,
      boolean hasPadding) {
    long start = bump(byteSize, byteAlignment);
    MemorySegment s;
    if (start < 0) {
      s = Arena.ofAuto().allocate(byteSize, byteAlignment); // zeroed
    } else {
      s = slice(start, byteSize);
      if (hasPadding) {
        s.fill((byte) 0);
      }
    }
    PrimitiveType[] flat = type.primitiveFields();
    if (flat == null) {
      MemoryAccess.writeStruct(s, 0, type, value);
      return s;
    }
    return MemoryAccess.writeFlatChecked(s, flat, type.offsets(), value.fields()) ? s : null;
  }

  /**
   * Takes a region of the chunk: its offset, at least 8-aligned (so that it indexes {@link
   * #slices}), or -1 if it does not fit (the stack is then left as it was).
   */
  private long bump(long byteSize, long byteAlignment) {
    long alignment = Math.max(byteAlignment, SLICE_GRAIN);
    long start = ((base + top + alignment - 1) & -alignment) - base;
    if (start < 0 || start > CHUNK_SIZE - byteSize) {
      return -1;
    }
    top = start + byteSize;
    return start;
  }

  /**
   * The chunk's bytes at {@code start}: the segment object made for the last frame region there, if
   * of the same size (frames are stack-like, so no two live regions share a start), so that a call
   * in steady state allocates no segment objects, inlined or not.
   */
  private MemorySegment slice(long start, long byteSize) {
    int i = (int) (start / SLICE_GRAIN);
    MemorySegment s = slices[i];
    if (s == null || s.byteSize() != byteSize) {
      s = chunk.asSlice(start, byteSize);
      slices[i] = s;
    }
    return s;
  }
}
