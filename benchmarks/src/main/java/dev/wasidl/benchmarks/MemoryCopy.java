package dev.wasidl.benchmarks;

import dev.wasidl.graal.GraalMemory;
import dev.wasidl.graal.GraalModule;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.graal.GraalStore;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Routes for copying a Java {@code byte[]} into and out of a GraalWasm memory (17 pages, exported
 * by a module with nothing else). Writes: polyglot's {@code writeBufferLong} per 8 bytes (what
 * {@code GraalMemory.write} did) against {@code GraalMemory.write}, which above 64 bytes runs a
 * compiled wasm loop pulling 8-byte words from a typed host import. Reads: {@code readBufferLong}
 * per 8 bytes against polyglot's bulk {@code readBuffer} ({@code GraalMemory.read}). The report
 * derives MB/s from ns/op and {@code bytes}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MemoryCopy {
  private static final byte[] MEMORY_MODULE =
      HexFormat.of().parseHex("0061736d010000000503010011070a01066d656d6f72790200");
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  @Param({"16", "1024", "1048576"})
  public int bytes;

  private GraalRuntime runtime;
  private GraalStore store;
  private GraalMemory memory;
  private Context context;
  private Value buffer;
  private byte[] data;

  @Setup
  public void setUp() {
    runtime = Wasm.compiledRuntime();
    store = runtime.newStore();
    memory =
        store.instantiate(GraalModule.of("memory", MEMORY_MODULE)).memory("memory").orElseThrow();
    context = store.context(); // an engine requires one host access for all its contexts
    Value module =
        context.eval(
            Source.newBuilder("wasm", ByteSequence.create(MEMORY_MODULE), "memory").buildLiteral());
    buffer = module.newInstance().getMember("exports").getMember("memory");
    data = new byte[bytes];
    new Random(1).nextBytes(data);
  }

  @TearDown
  public void tearDown() {
    store.close();
    runtime.close();
  }

  @Benchmark
  public void writeBufferLongs() {
    int i = 0;
    for (; i + Long.BYTES <= bytes; i += Long.BYTES) {
      buffer.writeBufferLong(ByteOrder.LITTLE_ENDIAN, 8 + i, (long) LONGS.get(data, i));
    }
    for (; i < bytes; i++) {
      buffer.writeBufferByte(8 + i, data[i]);
    }
  }

  @Benchmark
  public void writeGraalMemory() {
    memory.write(8, data, 0, bytes);
  }

  @Benchmark
  public byte[] readBufferLongs() {
    int i = 0;
    for (; i + Long.BYTES <= bytes; i += Long.BYTES) {
      LONGS.set(data, i, buffer.readBufferLong(ByteOrder.LITTLE_ENDIAN, 8 + i));
    }
    for (; i < bytes; i++) {
      data[i] = buffer.readBufferByte(8 + i);
    }
    return data;
  }

  @Benchmark
  public byte[] readBulk() {
    buffer.readBuffer(8, data, 0, bytes);
    return data;
  }

  @Benchmark
  public byte[] readGraalMemory() {
    memory.read(8, data, 0, bytes);
    return data;
  }
}
