package dev.wasidl.graal;

import dev.wasidl.abi.Memory;
import dev.wasidl.abi.Trap;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * A memory exported by a core instance, as the canonical ABI's {@link Memory}: little-endian loads
 * and stores through polyglot's buffer API, each one bounds-checked by GraalWasm and failing with a
 * {@link Trap}. {@link #byteSize} asks for the size every time, since wasm may grow the memory
 * between any two calls; {@link #contains} answers from the largest size seen so far (a memory
 * never shrinks) and asks only when that is too small.
 *
 * <p>Each access is one polyglot call (tens of nanoseconds, not one load): lift and lower strings
 * and lists with {@link #read} and {@link #write}. Polyglot has a bulk read but no bulk write:
 * short writes go in eight-byte stores after one bounds check of the whole range, long ones through
 * a {@link MemoryCopier} (a compiled wasm loop pulling words from the array).
 */
public final class GraalMemory implements Memory, Extern {
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, LE);

  private final GraalStore store;
  private final String name;
  private final Value value;
  private MemoryCopier copier;
  private DeferredStores deferred;
  private long knownSize; // a size this memory has had: it never shrinks

  GraalMemory(GraalStore store, String name, Value value) {
    this.store = store;
    this.name = name;
    this.value = value;
  }

  public String name() {
    return name;
  }

  /**
   * This memory with its stores queued for a store adapter to make: what lowered host functions
   * that store through an out-pointer write through ({@link HostFunction#deferringStores}).
   */
  public DeferredStores deferredStores() {
    if (deferred == null) {
      deferred = new DeferredStores(this);
    }
    return deferred;
  }

  @Override
  public long byteSize() {
    try {
      return value.getBufferSize();
    } catch (PolyglotException e) {
      throw Traps.of(e);
    }
  }

  @Override
  public boolean contains(long address, long length) {
    if (length < 0 || address < 0) {
      return false;
    }
    long end = address + length;
    if (end <= knownSize) {
      return true;
    }
    knownSize = byteSize();
    return end <= knownSize;
  }

  @Override
  public byte loadI8(int address) {
    try {
      return value.readBufferByte(Integer.toUnsignedLong(address));
    } catch (IndexOutOfBoundsException | PolyglotException e) {
      throw outOfBounds(address, 1, e);
    }
  }

  @Override
  public short loadI16(int address) {
    try {
      return value.readBufferShort(LE, Integer.toUnsignedLong(address));
    } catch (IndexOutOfBoundsException | PolyglotException e) {
      throw outOfBounds(address, 2, e);
    }
  }

  @Override
  public int loadI32(int address) {
    try {
      return value.readBufferInt(LE, Integer.toUnsignedLong(address));
    } catch (IndexOutOfBoundsException | PolyglotException e) {
      throw outOfBounds(address, 4, e);
    }
  }

  @Override
  public long loadI64(int address) {
    try {
      return value.readBufferLong(LE, Integer.toUnsignedLong(address));
    } catch (IndexOutOfBoundsException | PolyglotException e) {
      throw outOfBounds(address, 8, e);
    }
  }

  @Override
  public void storeI8(int address, byte v) {
    try {
      value.writeBufferByte(Integer.toUnsignedLong(address), v);
    } catch (IndexOutOfBoundsException | PolyglotException e) {
      throw outOfBounds(address, 1, e);
    }
  }

  @Override
  public void storeI16(int address, short v) {
    try {
      value.writeBufferShort(LE, Integer.toUnsignedLong(address), v);
    } catch (IndexOutOfBoundsException | PolyglotException e) {
      throw outOfBounds(address, 2, e);
    }
  }

  @Override
  public void storeI32(int address, int v) {
    try {
      value.writeBufferInt(LE, Integer.toUnsignedLong(address), v);
    } catch (IndexOutOfBoundsException | PolyglotException e) {
      throw outOfBounds(address, 4, e);
    }
  }

  @Override
  public void storeI64(int address, long v) {
    try {
      value.writeBufferLong(LE, Integer.toUnsignedLong(address), v);
    } catch (IndexOutOfBoundsException | PolyglotException e) {
      throw outOfBounds(address, 8, e);
    }
  }

  @Override
  public void read(int address, byte[] dst, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, dst.length);
    checkBounds(address, length);
    try {
      value.readBuffer(Integer.toUnsignedLong(address), dst, offset, length);
    } catch (IndexOutOfBoundsException | PolyglotException e) {
      throw outOfBounds(address, length, e);
    }
  }

  @Override
  public void write(int address, byte[] src, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, src.length);
    checkBounds(address, length);
    try {
      if (length >= MemoryCopier.WRITE_THRESHOLD) {
        copier().write(address, src, offset, length);
        return;
      }
      long at = Integer.toUnsignedLong(address);
      int i = 0;
      for (; i + Long.BYTES <= length; i += Long.BYTES) {
        value.writeBufferLong(LE, at + i, (long) LONGS.get(src, offset + i));
      }
      for (; i < length; i++) {
        value.writeBufferByte(at + i, src[offset + i]);
      }
    } catch (IndexOutOfBoundsException | PolyglotException e) {
      throw outOfBounds(address, length, e);
    }
  }

  /** The bulk copier of this memory, instantiated on the first large write. */
  private MemoryCopier copier() {
    MemoryCopier c = copier;
    if (c == null) {
      c = new MemoryCopier(this);
      copier = c;
    }
    return c;
  }

  private Trap outOfBounds(int address, long length, RuntimeException e) {
    if (e instanceof PolyglotException p && !p.isGuestException()) {
      return Traps.of(p);
    }
    return new Trap(
        "out of bounds memory access: "
            + length
            + " bytes at "
            + Integer.toUnsignedLong(address)
            + " in memory "
            + name
            + " of "
            + byteSize()
            + " bytes",
        e);
  }

  GraalStore store() {
    return store;
  }

  Value value() {
    return value;
  }

  @Override
  public String toString() {
    return "GraalMemory[" + name + "]";
  }
}
