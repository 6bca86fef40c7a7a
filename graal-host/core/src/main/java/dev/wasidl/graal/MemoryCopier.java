package dev.wasidl.graal;

import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * Bulk copies between a Java {@code byte[]} and a GraalWasm memory. Polyglot reads a buffer in bulk
 * but writes it only one element per call (tens of nanoseconds each), so large writes go through a
 * tiny core module instantiated in the memory's store, importing that memory:
 *
 * <pre>{@code
 * (module
 *   (import "env" "memory" (memory 0))
 *   (import "env" "word" (func $word (param i32) (result i64)))
 *   (import "env" "put" (func $put (param i32 i64)))
 *   ;; copies n >= 8 bytes from the host to dst in 8-byte words, the last one overlapping
 *   (func (export "write") (param $dst i32) (param $n i32)
 *     (local $i i32) (local $last i32)
 *     (local.set $last (i32.sub (local.get $n) (i32.const 8)))
 *     (loop $l
 *       (i64.store align=1 (i32.add (local.get $dst) (local.get $i)) (call $word (local.get $i)))
 *       (local.set $i (i32.add (local.get $i) (i32.const 8)))
 *       (br_if $l (i32.lt_u (local.get $i) (local.get $last))))
 *     (i64.store align=1 (i32.add (local.get $dst) (local.get $last)) (call $word (local.get $last))))
 *   ;; the same the other way: n >= 8 bytes at src handed to the host in 8-byte words
 *   (func (export "read") (param $src i32) (param $n i32) ...))
 * }</pre>
 *
 * <p>{@code word} and {@code put} are host objects of one class each with a typed
 * {@code @HostAccess.Export} method, so the Graal compiler inlines them into the compiled loop: the
 * copy becomes a loop of 8-byte loads and stores. The classes are the same in every store, so the
 * module's code, shared by the engine, stays monomorphic. The caller checks bounds first; a store
 * is used by one thread at a time, so the source and target fields need no lock.
 */
final class MemoryCopier {
  /** Below this many bytes, per-element polyglot calls cost less than calling the module. */
  static final int WRITE_THRESHOLD = 64;

  private static final GraalModule MODULE =
      GraalModule.of(
          "wasidl-memory-copy",
          HexFormat.of()
              .parseHex(
                  "0061736d0100000001100360017f017e60027f7e0060027f7f0002240303656e76066d656d6f7279"
                      + "02000003656e7604776f7264000003656e7603707574000103030202020710020577726974650002"
                      + "047265616400030a6b023401027f200141086b21030340200020026a20021000370000200241086a"
                      + "210220022003490d000b200020036a200310003700000b3401027f200141086b2103034020022000"
                      + "20026a2900001001200241086a210220022003490d000b2003200020036a29000010010b"));

  private static final byte[] EMPTY = new byte[0];

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The {@code word} import's type: a byte offset in, eight bytes out. */
  @FunctionalInterface
  public interface WordFunction {
    @HostAccess.Export
    long word(int at);
  }

  /** The {@code put} import's type: a byte offset and eight bytes in. */
  @FunctionalInterface
  public interface PutFunction {
    @HostAccess.Export
    void put(int at, long word);
  }

  /** The host side of {@code write}: the bytes being written. */
  public static final class Source implements WordFunction {
    private byte[] bytes = EMPTY;
    private int offset;

    @Override
    @HostAccess.Export
    public long word(int at) {
      return (long) LONGS.get(bytes, offset + at);
    }
  }

  /** The host side of {@code read}: where the bytes go. */
  public static final class Target implements PutFunction {
    private byte[] bytes = EMPTY;
    private int offset;

    @Override
    @HostAccess.Export
    public void put(int at, long word) {
      LONGS.set(bytes, offset + at, word);
    }
  }

  private final Source source = new Source();
  private final Target target = new Target();
  private final Value write;
  private final Value read;

  /** A copier for {@code memory}: one instance of the module in the memory's store. */
  MemoryCopier(GraalMemory memory) {
    CoreType.Func wordType = new CoreType.Func(List.of(CoreValType.I32), List.of(CoreValType.I64));
    CoreType.Func putType = new CoreType.Func(List.of(CoreValType.I32, CoreValType.I64), List.of());
    GraalInstance instance =
        memory
            .store()
            .instantiate(
                MODULE,
                Imports.builder()
                    .define("env", "memory", memory)
                    .define("env", "word", HostFunction.ofHostObject(wordType, source))
                    .define("env", "put", HostFunction.ofHostObject(putType, target))
                    .build());
    this.write = instance.function("write").orElseThrow().value();
    this.read = instance.function("read").orElseThrow().value();
  }

  /**
   * Copies {@code src[offset..offset+length)} to {@code address}; {@code length >= 8}, range
   * checked by the caller.
   */
  void write(int address, byte[] src, int offset, int length) {
    source.bytes = src;
    source.offset = offset;
    try {
      write.execute(address, length);
    } finally {
      source.bytes = EMPTY;
    }
  }

  /** Copies {@code length >= 8} bytes at {@code address} into {@code dst[offset..]}. */
  void read(int address, byte[] dst, int offset, int length) {
    target.bytes = dst;
    target.offset = offset;
    try {
      read.execute(address, length);
    } finally {
      target.bytes = EMPTY;
    }
  }
}
