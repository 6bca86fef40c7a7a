package dev.wasidl.graal;

import dev.wasidl.abi.Memory;
import org.graalvm.polyglot.HostAccess;

/**
 * A memory whose stores wait for wasm to make them. Lowering a host function's result through its
 * out-pointer is a handful of small stores, and each polyglot store costs some ten nanoseconds and
 * two allocations; here a store is one array write (two for 64 bits), and the {@link StoreAdapters
 * adapter} the instance calls the host function through replays the queue in compiled wasm right
 * after the call returns, pulling each store with one inlined {@link #next} call.
 *
 * <p>The order of effects is the canonical ABI's: every other access (a load, a bulk read or write,
 * the guest's realloc, an exception leaving the host function) first {@link #flush flushes} the
 * queue through polyglot, and a store that would fall out of bounds is flushed and then made
 * directly, so it traps as it would have. One per {@link GraalMemory}; a store is used by one
 * thread at a time.
 *
 * <p>Queue entries ({@code long}s): bits 0-2 the kind; for 8-, 16- and 32-bit stores, bits 3-31 the
 * offset from the current base and bits 32-63 the value; a 64-bit store has the offset so and its
 * value in the next entry; a new base is bits 32-63 of a {@link #BASE} entry. The base is 0 when a
 * drain starts, so stores below 512 MiB need no base entry.
 */
public final class DeferredStores implements Memory, StoreAdapters.Source {
  static final int END = 0;
  static final int I8 = 1;
  static final int I16 = 2;
  static final int I32 = 3;
  static final int I64 = 4;
  static final int BASE = 5;

  private static final int OFFSET_BITS = 29;
  private static final int MAX_QUEUED = 1 << 12; // past this, stores go straight to memory

  private final GraalMemory memory;
  private final long offsetLimit;
  private long[] queue = new long[64];
  private int length;
  private int next;
  private int base; // the base the queue's next entry is relative to

  DeferredStores(GraalMemory memory) {
    this(memory, OFFSET_BITS);
  }

  /** With offsets below {@code 2^offsetBits} only: tests make new bases frequent so. */
  DeferredStores(GraalMemory memory, int offsetBits) {
    this.memory = memory;
    this.offsetLimit = 1L << Math.min(offsetBits, OFFSET_BITS);
  }

  /** The memory the stores go to. */
  GraalMemory memory() {
    return memory;
  }

  // ---- the adapter's side

  /** The next queue entry, or {@link #END} (and an empty queue) when none is left. */
  @Override
  @HostAccess.Export
  public long next() {
    if (next < length) {
      return queue[next++];
    }
    length = 0;
    next = 0;
    base = 0;
    return END;
  }

  /** Makes the queued stores now, in order, through polyglot. */
  public void flush() {
    int b = 0;
    for (int i = next; i < length; i++) {
      long e = queue[i];
      int at = b + (int) ((e & 0xffff_ffffL) >>> 3);
      int value = (int) (e >>> 32);
      switch ((int) e & 7) {
        case I8 -> memory.storeI8(at, (byte) value);
        case I16 -> memory.storeI16(at, (short) value);
        case I32 -> memory.storeI32(at, value);
        case I64 -> memory.storeI64(at, queue[++i]);
        case BASE -> b = value;
        default -> throw new IllegalStateException("queue entry " + Long.toHexString(e));
      }
    }
    length = 0;
    next = 0;
    base = 0;
  }

  /** Whether stores wait to be drained. */
  boolean isEmpty() {
    return next >= length;
  }

  // ---- Memory

  @Override
  public long byteSize() {
    return memory.byteSize();
  }

  @Override
  public boolean contains(long address, long length) {
    return memory.contains(address, length);
  }

  @Override
  public byte loadI8(int address) {
    flushIfQueued();
    return memory.loadI8(address);
  }

  @Override
  public short loadI16(int address) {
    flushIfQueued();
    return memory.loadI16(address);
  }

  @Override
  public int loadI32(int address) {
    flushIfQueued();
    return memory.loadI32(address);
  }

  @Override
  public long loadI64(int address) {
    flushIfQueued();
    return memory.loadI64(address);
  }

  @Override
  public void storeI8(int address, byte value) {
    if (queued(address, 1, I8, value)) {
      return;
    }
    memory.storeI8(address, value);
  }

  @Override
  public void storeI16(int address, short value) {
    if (queued(address, 2, I16, value)) {
      return;
    }
    memory.storeI16(address, value);
  }

  @Override
  public void storeI32(int address, int value) {
    if (queued(address, 4, I32, value)) {
      return;
    }
    memory.storeI32(address, value);
  }

  @Override
  public void storeI64(int address, long value) {
    if (queued(address, 8, I64, 0)) {
      queue[length++] = value;
      return;
    }
    memory.storeI64(address, value);
  }

  @Override
  public void read(int address, byte[] dst, int offset, int length) {
    flushIfQueued();
    memory.read(address, dst, offset, length);
  }

  @Override
  public void write(int address, byte[] src, int offset, int length) {
    flushIfQueued();
    memory.write(address, src, offset, length);
  }

  /**
   * Queues a store of {@code width} bytes at {@code address} (with room for a 64-bit value after
   * it), or, if it is out of bounds or the queue is full, flushes and says no: the caller stores
   * directly.
   */
  private boolean queued(int address, int width, int kind, int value) {
    long at = Integer.toUnsignedLong(address);
    if (length + 3 > MAX_QUEUED || !memory.contains(at, width)) {
      flushIfQueued();
      return false;
    }
    if (length + 3 > queue.length) {
      queue = java.util.Arrays.copyOf(queue, queue.length * 2);
    }
    long offset = at - Integer.toUnsignedLong(base);
    if (offset < 0 || offset >= offsetLimit) {
      queue[length++] = BASE | (at << 32);
      base = address;
      offset = 0;
    }
    queue[length++] = kind | (offset << 3) | ((long) value << 32);
    return true;
  }

  private void flushIfQueued() {
    if (next < length) {
      flush();
    }
  }
}
