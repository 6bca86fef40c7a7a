package dev.wasidl.runtime;

import dev.wasidl.abi.CanonicalAbi;
import dev.wasidl.abi.LiftLowerContext;
import dev.wasidl.abi.Memory;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import dev.wasidl.component.StringEncoding;
import dev.wasidl.graal.EntryShim;
import dev.wasidl.graal.GraalFunction;
import dev.wasidl.graal.GraalMemory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DirectExport}'s calls through an {@link EntryShim}: the Java side of the shim's imports
 * for one function of one instance. {@link #prepare} takes a call's byte strings (UTF-8 strings and
 * {@code byte[]}), the shim pulls them into the guest's memory and pushes a string or list result
 * back, and every check is the direct path's, with its traps: the ranges realloc returns and the
 * result's are checked by {@link CanonicalAbi}, and the result is lifted by {@link
 * CanonicalAbi#loadStringFromRange} or {@link CanonicalAbi#loadBytesFromRange} from a memory whose
 * reads are served from the pushed bytes. Used inside the instance's call, so by one thread at a
 * time.
 */
final class EntryCall extends EntryShim.Host {
  /**
   * The longest byte string the shim copies either way; longer ones take the direct path, whose
   * bulk copies cost less per byte than a host call per word (at 1 KiB the shim is still ahead).
   */
  static final int MAX_BYTES = 1 << 16;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final InstanceState instance;
  private final LiftLowerContext cx;
  private final LiftLowerContext pushedCx;
  private final Supplier<String> spilled;
  private final Carrier[] params;
  private final int[] pairParams; // the parameter index of each byte string
  private final int[] pairFlat; // and the index of its pointer among the core parameters
  private final @Nullable Carrier result;
  private final GraalFunction call;
  // this call's byte strings, the one being copied and the next word of it
  private final byte[][] pending;
  private int current;
  private int cursor;
  private @Nullable String before; // may_leave's state while realloc or post-return runs
  // the result's bytes as pushed, then lifted
  private final Pushed pushed;
  private @Nullable Object lifted;

  private EntryCall(
      InstanceState instance,
      LiftLowerContext cx,
      Supplier<String> spilled,
      Carrier[] params,
      int[] pairParams,
      @Nullable Carrier result,
      EntryShim.Result mode,
      CoreType.Func type,
      List<Integer> pairs,
      GraalFunction core,
      GraalMemory memory,
      @Nullable GraalFunction realloc,
      @Nullable GraalFunction postReturn) {
    this.instance = instance;
    this.cx = cx;
    this.pushed = new Pushed(memory);
    this.pushedCx = cx.withMemory(pushed);
    this.spilled = spilled;
    this.params = params;
    this.pairParams = pairParams;
    this.pairFlat = pairs.stream().mapToInt(Integer::intValue).toArray();
    this.result = result;
    this.pending = new byte[pairParams.length][];
    this.call = EntryShim.instantiate(core, type, pairs, mode, memory, realloc, postReturn, this);
  }

  /**
   * The entry call of a function of these parameters and result, or null when the shim has nothing
   * to save (no byte string either way) or cannot serve it (strings in another encoding than UTF-8,
   * a memory that is not GraalWasm's, or no realloc for byte string parameters).
   */
  static @Nullable EntryCall of(
      Lifted f, Supplier<String> spilled, Carrier[] params, @Nullable Carrier result) {
    CanonOpts opts = f.opts();
    boolean strings = result == Carrier.STRING;
    List<Integer> pairs = new ArrayList<>();
    List<CoreValType> flat = new ArrayList<>();
    int[] pairParams = new int[params.length];
    int n = 0;
    for (int i = 0; i < params.length; i++) {
      Carrier c = params[i];
      if (c == Carrier.STRING || c == Carrier.BYTES) {
        strings |= c == Carrier.STRING;
        pairs.add(flat.size());
        pairParams[n++] = i;
      }
      flat.addAll(c.coreTypes());
    }
    boolean memoryResult = result == Carrier.STRING || result == Carrier.BYTES;
    if ((pairs.isEmpty() && !memoryResult)
        || opts.memory() == null
        || (!pairs.isEmpty() && opts.realloc() == null)
        || (strings && f.context().stringEncoding() != StringEncoding.UTF8)) {
      return null;
    }
    List<CoreValType> results =
        result == null ? List.of() : memoryResult ? List.of(CoreValType.I32) : result.coreTypes();
    return new EntryCall(
        f.instance(),
        f.context(),
        spilled,
        params,
        Arrays.copyOf(pairParams, n),
        result,
        memoryResult ? EntryShim.Result.MEMORY : EntryShim.Result.FLAT,
        new CoreType.Func(flat, results),
        pairs,
        f.core(),
        opts.memory(),
        opts.realloc(),
        opts.postReturn());
  }

  /**
   * Takes this call's byte strings into {@code flat}: each one's length in its slot's second half;
   * false if one cannot go through the shim (the call then takes the direct path).
   */
  boolean prepare(Object[] args, Object[] flat) {
    lifted = null;
    for (int k = 0; k < pairParams.length; k++) {
      int i = pairParams[k];
      byte[] bytes = params[i] == Carrier.STRING ? utf8((String) args[i]) : (byte[]) args[i];
      if (bytes == null || bytes.length > MAX_BYTES) {
        Arrays.fill(pending, null);
        return false;
      }
      pending[k] = bytes;
      flat[pairFlat[k]] = 0;
      flat[pairFlat[k] + 1] = bytes.length;
    }
    return true;
  }

  /** The string's bytes if the shim may copy them; its UTF-8 is at least as long: checked first. */
  private byte @Nullable [] utf8(String s) {
    return s.length() > MAX_BYTES ? null : CanonicalAbi.oneCopyUtf8(cx, s);
  }

  /** Calls the shim with the prepared flat arguments. */
  Value call(Object[] flat) {
    try {
      return call.call(flat);
    } finally {
      Arrays.fill(pending, null);
    }
  }

  /** Whether the shim lifted the result (and ran post-return). */
  boolean lifted() {
    return lifted != null;
  }

  /** The lifted result, once. */
  Object take() {
    Object v = Objects.requireNonNull(lifted);
    lifted = null;
    return v;
  }

  // ---- the shim's imports

  @Override
  protected int allocating(int k) {
    current = k;
    cursor = 0;
    before = instance.stopLeaving("realloc");
    return pending[k].length;
  }

  @Override
  protected int allocated(int k, int ptr) {
    instance.resumeLeaving(before);
    before = null;
    String what = params[pairParams[k]] == Carrier.STRING ? "string" : "list";
    CanonicalAbi.checkRange(cx, what, Integer.toUnsignedLong(ptr), pending[k].length, 1);
    return ptr;
  }

  @Override
  protected long word() {
    byte[] b = pending[current];
    int at = 8 * cursor++;
    if (at + 8 <= b.length) {
      return (long) LONGS.get(b, at);
    }
    long w = 0;
    for (int i = at; i < b.length; i++) {
      w |= (b[i] & 0xffL) << (8 * (i - at));
    }
    return w;
  }

  @Override
  protected int result(int retptr, int ptr, int length, int ok) {
    CanonicalAbi.checkRange(cx, spilled, Integer.toUnsignedLong(retptr), 8, 4);
    long p = Integer.toUnsignedLong(ptr);
    long n = Integer.toUnsignedLong(length);
    if (ok == 0 || n > MAX_BYTES || !cx.memory().contains(p, n)) {
      return -1; // lifted from memory after the call, with the direct path's checks
    }
    pushed.expect(ptr, length);
    return 0;
  }

  @Override
  protected void push(long word) {
    pushed.push(word);
  }

  @Override
  protected void lift() {
    long p = Integer.toUnsignedLong(pushed.base);
    long n = Integer.toUnsignedLong(pushed.length);
    lifted =
        result == Carrier.STRING
            ? CanonicalAbi.loadStringFromRange(pushedCx, p, n)
            : CanonicalAbi.loadBytesFromRange(pushedCx, p, n);
  }

  @Override
  protected void leaving(int done) {
    if (done == 0) {
      before = instance.stopLeaving("post-return");
    } else {
      instance.resumeLeaving(before);
      before = null;
    }
  }

  /** The guest's memory, with reads of the pushed range served from the pushed bytes. */
  private static final class Pushed implements Memory {
    private final GraalMemory memory;
    private byte[] bytes = new byte[64];
    private int base;
    private int length;
    private int filled;

    Pushed(GraalMemory memory) {
      this.memory = memory;
    }

    void expect(int ptr, int n) {
      int room = (n + 7) & ~7;
      if (bytes.length < room) {
        bytes = new byte[Math.max(room, 2 * bytes.length)];
      }
      base = ptr;
      length = n;
      filled = 0;
    }

    void push(long word) {
      LONGS.set(bytes, filled, word);
      filled += 8;
    }

    @Override
    public void read(int address, byte[] dst, int offset, int n) {
      long from = Integer.toUnsignedLong(address) - Integer.toUnsignedLong(base);
      if (from >= 0 && from + n <= Math.min(length, filled)) {
        System.arraycopy(bytes, (int) from, dst, offset, n);
      } else {
        memory.read(address, dst, offset, n);
      }
    }

    @Override
    public long byteSize() {
      return memory.byteSize();
    }

    @Override
    public boolean contains(long address, long n) {
      return memory.contains(address, n);
    }

    @Override
    public byte loadI8(int address) {
      return memory.loadI8(address);
    }

    @Override
    public short loadI16(int address) {
      return memory.loadI16(address);
    }

    @Override
    public int loadI32(int address) {
      return memory.loadI32(address);
    }

    @Override
    public long loadI64(int address) {
      return memory.loadI64(address);
    }

    @Override
    public void storeI8(int address, byte value) {
      memory.storeI8(address, value);
    }

    @Override
    public void storeI16(int address, short value) {
      memory.storeI16(address, value);
    }

    @Override
    public void storeI32(int address, int value) {
      memory.storeI32(address, value);
    }

    @Override
    public void storeI64(int address, long value) {
      memory.storeI64(address, value);
    }

    @Override
    public void write(int address, byte[] src, int offset, int n) {
      memory.write(address, src, offset, n);
    }
  }
}
