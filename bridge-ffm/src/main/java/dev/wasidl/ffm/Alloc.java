package dev.wasidl.ffm;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.wasidl.ffm.internal.Native;
import dev.wasidl.ffm.internal.NativeLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A typed region of memory, wasi:dl's {@code alloc}: an address, the {@link FfiType} stored there,
 * and the extent that reads and writes are checked against.
 *
 * <p>Owned allocs ({@link #allocate}) are zeroed, aligned for their type and freed by {@link
 * #close} (or when unreachable). Foreign allocs ({@link #at}, {@link IncomingPrimitive#getAlloc},
 * {@link Symbol#getAlloc}, {@link Function#getAlloc}) are regions we do not own: their extent is
 * the size of their type, closing them frees nothing, and one that points into a library keeps it
 * loaded. Every access after close is a {@link ClosedException}, from any thread.
 *
 * <p>Foreign regions are never dereferenced directly: every read and write goes through a checked
 * copy by the kernel (see {@link ForeignMemory}), so an address that is not mapped, or mapped
 * without the access, is an {@link OutOfBoundsException} ("... are not readable (not mapped)", "...
 * are not writable (read-only)") and never faults the JVM. Owned regions are accessed directly.
 */
public final class Alloc implements AutoCloseable {
  /** The longest C string read from a foreign region, NUL excluded (1 MiB). */
  public static final long MAX_FOREIGN_STRING = 1 << 20;

  private static final Cleaner CLEANER = Cleaner.create();

  private final FfiType type;
  private final boolean owned;
  private final @Nullable NativeLibrary origin;
  private final Cleaner.Cleanable cleanable;
  // Owned: the current buffer (replaced when write-string grows it). Foreign: fixed.
  private final Region region;

  private Alloc(FfiType type, Region region, @Nullable NativeLibrary origin) {
    this.type = type;
    this.owned = region.arena != null;
    this.region = region;
    this.origin = origin;
    this.cleanable = CLEANER.register(this, region);
    if (origin != null) {
      // The region may point into the library: keep it mapped until this alloc is released.
      Cleaner.Cleanable ref = origin.retain(this);
      region.onClose = ref::clean;
    }
  }

  /** wasi:dl {@code alloc.new}: a zeroed, aligned region holding one {@code type}, owned by us. */
  @SuppressWarnings("MustBeClosedChecker") // the arena is owned by the alloc and closed with it
  public static Alloc allocate(FfiType type) {
    Arena arena = Arena.ofShared();
    MemorySegment segment = arena.allocate(type.layout());
    return new Alloc(type, new Region(segment, arena), null);
  }

  /**
   * A foreign region of {@code type} at {@code segment}'s address, sized by the type (the segment's
   * own size and lifetime are not used: the caller vouches for the memory).
   */
  public static Alloc at(MemorySegment segment, FfiType type) {
    return foreign(segment.address(), type, null);
  }

  static Alloc foreign(long address, FfiType type, @Nullable NativeLibrary origin) {
    return new Alloc(type, new Region(Native.segment(address, type.byteSize()), null), origin);
  }

  /** The type of the value stored in the region. */
  public FfiType type() {
    return type;
  }

  /** True for regions allocated (and freed) by us; false for foreign ones. */
  public boolean isOwned() {
    return owned;
  }

  /** True until closed. */
  public boolean isOpen() {
    return region.segment != null;
  }

  /** The address of the region. */
  public long address() {
    return segment().address();
  }

  /**
   * The region as a segment of its known extent (owned: scoped to the alloc's lifetime; foreign:
   * unscoped).
   */
  public MemorySegment segment() {
    MemorySegment s = region.segment;
    if (s == null) {
      throw new ClosedException("alloc of " + type.witName() + " was closed");
    }
    return s;
  }

  /** The known extent in bytes. */
  public long byteSize() {
    return segment().byteSize();
  }

  /** The library this foreign region came from, if any (kept loaded while this alloc lives). */
  @Nullable NativeLibrary origin() {
    return origin;
  }

  /** WIT {@code write-primitive}: the value's type must be the region's type. */
  public void writePrimitive(OutgoingPrimitive value) {
    if (!(type instanceof PrimitiveType p)) {
      throw new TypeMismatchException("write-primitive into an alloc of " + type.witName());
    }
    MemoryAccess.checkShape(p, value, "write-primitive");
    if (!owned) {
      writeForeign(
          "write-primitive", p.byteSize(), false, s -> MemoryAccess.put(s, 0, p, value.bits()));
      return;
    }
    update(s -> MemoryAccess.put(s, 0, p, value.bits()));
  }

  /** WIT {@code write-struct}: the value must have the region's struct type, field by field. */
  public void writeStruct(OutgoingStruct value) {
    if (!(type instanceof StructType st)) {
      throw new TypeMismatchException("write-struct into an alloc of " + type.witName());
    }
    MemoryAccess.checkShape(st, value, "write-struct");
    if (!owned) {
      // read first: the padding between fields keeps whatever C had there
      writeForeign("write-struct", st.byteSize(), true, s -> MemoryAccess.write(s, 0, st, value));
      return;
    }
    update(s -> MemoryAccess.write(s, 0, st, value));
  }

  /**
   * For {@link Function#callInto}: an allocator that hands the linker this owned region's memory
   * for the struct result, so C's result lands here with no copy; null for a foreign alloc, which
   * only a checked copy may write.
   */
  @Nullable SegmentAllocator resultAllocator() {
    return owned ? resultAllocator : null;
  }

  // the region's segment is of the result's type: as large and as aligned as the linker asks
  private final SegmentAllocator resultAllocator = (byteSize, byteAlignment) -> segment();

  /** Stores a call's primitive result (of this alloc's type) at the region's address. */
  void store(PrimitiveType p, long bits) {
    if (!owned) {
      writeForeign("call-into", p.byteSize(), false, s -> MemoryAccess.put(s, 0, p, bits));
      return;
    }
    MemorySegment s = segment();
    try {
      MemoryAccess.put(s, 0, p, bits);
    } catch (IllegalStateException e) {
      throw closed();
    }
  }

  /**
   * Stores a call's struct result (of this alloc's type) from {@code from}, the call's frame, at
   * the region's address. No lambda on the owned path: it is a typed call's hot path.
   */
  void store(MemorySegment from) {
    long size = type.byteSize();
    if (!owned) {
      writeForeign("call-into", size, false, s -> MemorySegment.copy(from, 0, s, 0, size));
      return;
    }
    MemorySegment s = segment();
    try {
      MemorySegment.copy(from, 0, s, 0, size);
    } catch (IllegalStateException e) {
      throw closed();
    }
  }

  ClosedException closed() {
    // the owning arena was closed by another thread between our check and the access
    return new ClosedException("alloc of " + type.witName() + " was closed");
  }

  /** WIT {@code read-primitive}: the value stored at the region's address. */
  public IncomingPrimitive readPrimitive() {
    if (!(type instanceof PrimitiveType p)) {
      throw new TypeMismatchException("read-primitive from an alloc of " + type.witName());
    }
    if (!owned) {
      return readForeign(
          "read-primitive",
          p.byteSize(),
          s -> new IncomingPrimitive(p, MemoryAccess.get(s, 0, p), origin));
    }
    return access(s -> new IncomingPrimitive(p, MemoryAccess.get(s, 0, p), origin));
  }

  /** WIT {@code read-struct}: the struct stored at the region's address. */
  public IncomingStruct readStruct() {
    if (!(type instanceof StructType st)) {
      throw new TypeMismatchException("read-struct from an alloc of " + type.witName());
    }
    if (!owned) {
      return readForeign(
          "read-struct", st.byteSize(), s -> (IncomingStruct) MemoryAccess.read(s, 0, st, origin));
    }
    return access(s -> (IncomingStruct) MemoryAccess.read(s, 0, st, origin));
  }

  /**
   * WIT {@code write-string}: stores the UTF-8 bytes of {@code value} and a NUL at the region's
   * address. An owned region grows to fit (its address then changes); a foreign one must already be
   * large enough.
   */
  public void writeString(String value) {
    requirePointerType("write-string");
    if (value.indexOf('\0') >= 0) {
      throw new InvalidStringException(
          "write-string: the string holds a NUL at " + value.indexOf('\0'));
    }
    byte[] utf8 = encode(value);
    long needed = utf8.length + 1L;
    synchronized (region) {
      MemorySegment s = segment();
      if (s.byteSize() < needed) {
        if (!owned) {
          throw new OutOfBoundsException(
              "write-string: "
                  + needed
                  + " bytes (with NUL) do not fit the foreign region of "
                  + s.byteSize()
                  + " bytes");
        }
        region.grow(needed, type.byteAlignment());
        s = segment();
      }
      if (!owned) {
        writeForeign(
            "write-string",
            needed,
            false,
            t -> {
              MemorySegment.copy(utf8, 0, t, JAVA_BYTE, 0, utf8.length);
              t.set(JAVA_BYTE, utf8.length, (byte) 0);
            });
        return;
      }
      MemorySegment target = s;
      update(
          _ -> {
            MemorySegment.copy(utf8, 0, target, JAVA_BYTE, 0, utf8.length);
            target.set(JAVA_BYTE, utf8.length, (byte) 0);
          });
    }
  }

  /**
   * WIT {@code read-string}: the NUL-terminated UTF-8 string at the region's address. Owned regions
   * are scanned within their extent, foreign ones up to {@link #MAX_FOREIGN_STRING} bytes and never
   * past the end of readable memory.
   */
  public String readString() {
    return readString(owned ? Long.MAX_VALUE : MAX_FOREIGN_STRING);
  }

  /** {@link #readString()} with a smaller bound on the bytes scanned for the terminator. */
  public String readString(long maxBytes) {
    requirePointerType("read-string");
    if (!owned) {
      // never past the end of readable memory, whatever the bound
      return access(s -> decode(ForeignMemory.readCString(s.address(), maxBytes)));
    }
    return access(
        s -> {
          MemorySegment scan = s;
          long limit =
              Math.min(scan.byteSize(), maxBytes == Long.MAX_VALUE ? maxBytes : maxBytes + 1);
          for (long i = 0; i < limit; i++) {
            if (scan.get(JAVA_BYTE, i) == 0) {
              return decode(scan.asSlice(0, i).toArray(JAVA_BYTE));
            }
          }
          throw new InvalidStringException(
              "read-string: no NUL within " + limit + " bytes of the region");
        });
  }

  private void requirePointerType(String op) {
    if (type != PrimitiveType.POINTER) {
      throw new TypeMismatchException(op + " needs an alloc of pointer, not " + type.witName());
    }
  }

  private <T> T access(java.util.function.Function<MemorySegment, T> body) {
    MemorySegment s = segment();
    if (!owned) {
      checkedAddress(s.address());
    }
    try {
      return body.apply(s);
    } catch (IllegalStateException e) {
      // the owning arena was closed by another thread between our check and the access
      throw new ClosedException("alloc of " + type.witName() + " was closed");
    }
  }

  /**
   * Reads a foreign region through a checked copy (see {@link ForeignMemory}): {@code body} sees a
   * private copy of its {@code size} bytes.
   */
  private <T> T readForeign(
      String op, long size, java.util.function.Function<MemorySegment, T> body) {
    return access(
        s -> {
          try (Arena arena = Arena.ofConfined()) {
            return body.apply(ForeignMemory.read(op, s.address(), size, arena));
          }
        });
  }

  /**
   * Writes a foreign region through a checked copy: {@code body} fills a private buffer of {@code
   * size} bytes (zeroed, or the region's current bytes if {@code readFirst}), which is then copied.
   */
  private void writeForeign(
      String op, long size, boolean readFirst, java.util.function.Consumer<MemorySegment> body) {
    update(
        s -> {
          try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer =
                readFirst
                    ? ForeignMemory.readForUpdate(op, s.address(), size, arena)
                    : arena.allocate(size, 8);
            body.accept(buffer);
            ForeignMemory.write(op, s.address(), buffer);
          }
        });
  }

  private void update(java.util.function.Consumer<MemorySegment> body) {
    access(
        s -> {
          body.accept(s);
          return null;
        });
  }

  private long checkedAddress(long address) {
    if (Long.compareUnsigned(address, Native.LOWEST_VALID_ADDRESS) < 0) {
      throw new OutOfBoundsException(
          "the region at 0x" + Long.toHexString(address) + " is not readable (null pointer)");
    }
    return address;
  }

  private static byte[] encode(String value) {
    try {
      ByteBuffer b =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(value));
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new InvalidStringException("write-string: not valid Unicode (unpaired surrogate)");
    }
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidStringException("read-string: the bytes are not valid UTF-8");
    }
  }

  /** Frees an owned region, releases a foreign one; later accesses fail. Idempotent. */
  @Override
  public void close() {
    cleanable.clean();
  }

  @Override
  public String toString() {
    MemorySegment s = region.segment;
    return "alloc("
        + type.witName()
        + (s == null ? ", closed" : " @0x" + Long.toHexString(s.address()))
        + (owned ? ")" : ", foreign)");
  }

  /**
   * The mutable state behind an alloc, also its cleanup action (it must not refer to the alloc).
   */
  private static final class Region implements Runnable {
    volatile @Nullable MemorySegment segment;
    volatile @Nullable Arena arena;
    volatile @Nullable Runnable onClose;

    Region(MemorySegment segment, @Nullable Arena arena) {
      this.segment = segment;
      this.arena = arena;
    }

    @SuppressWarnings("MustBeClosedChecker") // the region owns the arena and closes it
    void grow(long size, long alignment) {
      Arena old = arena;
      Arena fresh = Arena.ofShared();
      segment = fresh.allocate(size, alignment);
      arena = fresh;
      if (old != null) {
        old.close();
      }
    }

    @Override
    public void run() {
      segment = null;
      Arena a = arena;
      arena = null;
      if (a != null) {
        a.close();
      }
      Runnable r = onClose;
      if (r != null) {
        r.run();
      }
    }
  }
}
