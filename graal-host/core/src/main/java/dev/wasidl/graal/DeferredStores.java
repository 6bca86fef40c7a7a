package dev.wasidl.graal;

import dev.wasidl.abi.AllocationQueue;
import dev.wasidl.abi.CanonicalAbi;
import dev.wasidl.abi.LiftLowerContext;
import dev.wasidl.abi.Memory;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.graalvm.polyglot.HostAccess;
import org.jspecify.annotations.Nullable;

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
 *
 * <p>Short strings and byte lists wait too ({@link AllocationQueue}): an {@link #ALLOC} entry has
 * the destination's offset so and the byte length in bits 32-63; the next entry the alignment (bits
 * 0-31) and the length to store (bits 32-63); then the bytes, eight to an entry, the last one
 * zero-padded. The adapter calls the guest's realloc itself ({@link #adopt}), between {@link
 * #allocating} (which clears {@code may_leave}) and {@link #allocated} (which restores it and
 * checks the new range as the canonical ABI does), copies the words and stores the pair. A flush
 * makes the allocation through polyglot, as lowering made it before.
 */
public final class DeferredStores implements Memory, AllocationQueue, StoreAdapters.Source {
  static final int END = 0;
  static final int I8 = 1;
  static final int I16 = 2;
  static final int I32 = 3;
  static final int I64 = 4;
  static final int BASE = 5;
  static final int ALLOC = 6;

  private static final int OFFSET_BITS = 29;
  private static final int MAX_QUEUED = 1 << 12; // past this, stores go straight to memory

  private final GraalMemory memory;
  private final long offsetLimit;
  private long[] queue = new long[64];
  private int length;
  private int next;
  private int base; // the base the queue's next entry is relative to
  // the contexts of the queued allocations and what each lowers ("string", "list"), in order, and
  // the next one the adapter makes
  private LiftLowerContext[] owners = new LiftLowerContext[8];
  private String[] whats = new String[8];
  private int ownerCount;
  private int ownerNext;
  private @Nullable DrainedRealloc adopted; // the realloc the adapters call
  private @Nullable HostFunction allocating;
  private @Nullable HostFunction allocated;
  private boolean flushing;
  private boolean entered; // between allocating and allocated

  DeferredStores(GraalMemory memory) {
    this(memory, OFFSET_BITS);
  }

  /** With offsets below {@code 2^offsetBits} only: tests make new bases frequent so. */
  DeferredStores(GraalMemory memory, int offsetBits) {
    this.memory = memory;
    this.offsetLimit = 1L << Math.min(offsetBits, OFFSET_BITS);
    memory.store().register(this);
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
    reset();
    return END;
  }

  /**
   * The adapter is about to call realloc for the next {@link #ALLOC} entry: clears {@code
   * may_leave} and returns the entry after it (the alignment and the length to store).
   */
  @SuppressWarnings("unused") // through Imports.ALLOCATING
  private long allocating() {
    ((DrainedRealloc) owners[ownerNext].realloc()).enter();
    entered = true;
    return queue[next++];
  }

  /**
   * Realloc returned {@code ptr} for the allocation {@link #allocating} began: restores {@code
   * may_leave} and traps as lowering would if the range is misaligned or out of bounds.
   */
  @SuppressWarnings("unused") // through Imports.ALLOCATED
  private int allocated(int ptr) {
    entered = false;
    ((DrainedRealloc) owners[ownerNext].realloc()).exit();
    checkRange(queue[next - 2], queue[next - 1], Integer.toUnsignedLong(ptr));
    return ptr;
  }

  /**
   * The range realloc returned for the next allocation (entries e0, e1), checked as lowering checks
   * it; the allocation is then done with.
   */
  private void checkRange(long e0, long e1, long ptr) {
    LiftLowerContext cx = owners[ownerNext];
    String what = whats[ownerNext];
    owners[ownerNext] = null;
    whats[ownerNext++] = null;
    CanonicalAbi.checkRange(cx, what, ptr, e0 >>> 32, (int) e1 & 0xff);
  }

  /**
   * Drops what a drain cut short by a trap left (realloc trapped, or its range did): those entries
   * must not be made by a later drain or flush. Restores {@code may_leave} if realloc was running.
   */
  void discard() {
    if (next == 0 && length == 0) {
      return;
    }
    if (entered) {
      entered = false;
      ((DrainedRealloc) owners[ownerNext].realloc()).exit();
    }
    reset();
  }

  private void reset() {
    length = 0;
    next = 0;
    base = 0;
    if (ownerCount != 0) { // the drain's every end comes here: most queues held no allocation
      Arrays.fill(owners, 0, ownerCount, null);
      Arrays.fill(whats, 0, ownerCount, null);
      ownerCount = 0;
      ownerNext = 0;
    }
  }

  /**
   * Makes the queued stores and allocations now, in order, through polyglot. The realloc an
   * allocation calls flushes first, which does nothing while this runs; if it traps, the entries
   * after it are dropped, as they would not have been made.
   */
  public void flush() {
    if (flushing) {
      return;
    }
    flushing = true;
    try {
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
          case ALLOC -> i = allocateNow(at, e, i);
          default -> throw new IllegalStateException("queue entry " + Long.toHexString(e));
        }
      }
    } finally {
      flushing = false;
      reset();
    }
  }

  /**
   * The allocation at {@code queue[i]} ({@code e}), its pair to be stored {@code at}: made through
   * the context's realloc, as lowering made it. Returns the index of its last entry.
   */
  private int allocateNow(int at, long e, int i) {
    long e1 = queue[i + 1];
    int byteLength = (int) (e >>> 32);
    long ptr = owners[ownerNext].allocate((int) e1 & 0xff, Integer.toUnsignedLong(byteLength));
    checkRange(e, e1, ptr);
    int words = (byteLength + 7) >>> 3;
    byte[] bytes = new byte[8 * words];
    for (int w = 0; w < words; w++) {
      LONGS.set(bytes, 8 * w, queue[i + 2 + w]);
    }
    memory.write((int) ptr, bytes, 0, byteLength);
    memory.storeI32(at, (int) ptr);
    memory.storeI32(at + 4, (int) (e1 >>> 32));
    return i + 1 + words;
  }

  // ---- allocations

  /**
   * Makes {@code realloc} the one the adapters call for queued allocations, if none is yet: true if
   * it is (so a context using it may queue them).
   */
  public boolean adopt(DrainedRealloc realloc) {
    if (adopted == null) {
      adopted = realloc;
    }
    if (same(adopted, realloc)) {
      realloc.queue = this;
      return true;
    }
    return false;
  }

  // one core function: a function's wrappers differ, its polyglot value does not
  private static boolean same(DrainedRealloc a, DrainedRealloc b) {
    return a.function().value().equals(b.function().value());
  }

  /** The adapter's imports {@code s.allocating}, {@code s.allocated} and {@code r.realloc}. */
  Object allocatingImport() {
    if (allocating == null) {
      allocating = Imports.ALLOCATING.bind(this);
    }
    return allocating.hostObject();
  }

  Object allocatedImport() {
    if (allocated == null) {
      allocated = Imports.ALLOCATED.bind(this);
    }
    return allocated.hostObject();
  }

  /** A realloc import that no call reaches: it throws. */
  static HostFunction noRealloc() {
    return Imports.NO_REALLOC;
  }

  /** The guest's realloc if one was adopted, else a function that no queued entry can reach. */
  Object reallocImport() {
    DrainedRealloc r = adopted;
    return r != null ? r.function().value() : Imports.NO_REALLOC.hostObject();
  }

  @Override
  public boolean queueCopy(
      LiftLowerContext cx,
      String what,
      int alignment,
      byte[] bytes,
      int storedLength,
      int destination) {
    int words = (bytes.length + 7) >>> 3;
    if (bytes.length > MAX_BYTES
        || !(cx.realloc() instanceof DrainedRealloc mine)
        || mine.queue != this
        || length + 4 + words > MAX_QUEUED
        || !memory.contains(Integer.toUnsignedLong(destination), 8)) {
      return false;
    }
    if (length + 4 + words > queue.length) {
      queue = Arrays.copyOf(queue, Math.max(queue.length * 2, length + 4 + words));
    }
    long offset = offsetOf(destination); // before the entry's own index is taken
    queue[length++] = ALLOC | (offset << 3) | ((long) bytes.length << 32);
    queue[length++] = (alignment & 0xff) | ((long) storedLength << 32);
    int full = bytes.length >>> 3;
    for (int w = 0; w < full; w++) {
      queue[length++] = (long) LONGS.get(bytes, 8 * w);
    }
    if (full < words) {
      long tail = 0;
      for (int k = 8 * full; k < bytes.length; k++) {
        tail |= (bytes[k] & 0xffL) << (8 * (k - 8 * full));
      }
      queue[length++] = tail;
    }
    if (ownerCount == owners.length) {
      owners = Arrays.copyOf(owners, ownerCount * 2);
      whats = Arrays.copyOf(whats, ownerCount * 2);
    }
    whats[ownerCount] = what;
    owners[ownerCount++] = cx;
    return true;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The classes of the adapter's allocation imports, made once. */
  private static final class Imports {
    static final HostFunctionClass ALLOCATING;
    static final HostFunctionClass ALLOCATED;
    static final HostFunction NO_REALLOC;

    static {
      try {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        ALLOCATING =
            HostFunctionClass.of(
                new CoreType.Func(List.of(), List.of(CoreValType.I64)),
                lookup.findVirtual(
                    DeferredStores.class, "allocating", MethodType.methodType(long.class)));
        ALLOCATED =
            HostFunctionClass.of(
                new CoreType.Func(List.of(CoreValType.I32), List.of(CoreValType.I32)),
                lookup.findVirtual(
                    DeferredStores.class,
                    "allocated",
                    MethodType.methodType(int.class, int.class)));
        CoreValType i32 = CoreValType.I32;
        NO_REALLOC =
            HostFunctionClass.of(
                    new CoreType.Func(List.of(i32, i32, i32, i32), List.of(i32)),
                    lookup.findStatic(
                        Imports.class,
                        "noRealloc",
                        MethodType.methodType(
                            int.class, Object.class, int.class, int.class, int.class, int.class)))
                .bind(null);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    @SuppressWarnings("unused") // through NO_REALLOC
    private static int noRealloc(@Nullable Object data, int ptr, int size, int align, int n) {
      throw new IllegalStateException("a queued allocation without an adopted realloc");
    }
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
    long offset = offsetOf(address); // before the entry's own index is taken: it may queue a base
    queue[length++] = kind | (offset << 3) | ((long) value << 32);
    return true;
  }

  /**
   * The offset of {@code address} from the base the next entry is relative to, queueing a new base
   * first if it is out of reach (room for that entry is the caller's).
   */
  private long offsetOf(int address) {
    long at = Integer.toUnsignedLong(address);
    long offset = at - Integer.toUnsignedLong(base);
    if (offset < 0 || offset >= offsetLimit) {
      queue[length++] = BASE | (at << 32);
      base = address;
      offset = 0;
    }
    return offset;
  }

  private void flushIfQueued() {
    if (next < length) {
      flush();
    }
  }
}
