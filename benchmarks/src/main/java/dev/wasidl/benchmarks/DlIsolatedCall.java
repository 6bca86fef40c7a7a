package dev.wasidl.benchmarks;

import dev.wasidl.dl.DlLimits;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.isolate.DlIsolation;
import dev.wasidl.nativetests.NativeLibs;
import dev.wasidl.runtime.Func;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.types.Val;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does crash isolation ({@code --dl-isolate}, {@link DlIsolation}) cost? {@link
 * DlComponentCall}'s guest and native call ({@code add(int, int)}, seven wasi:dl calls), with
 * wasi:dl in a worker process: each wasi:dl call is a round trip on the worker's {@code
 * wrpc.Session}, a Unix domain socket. µs per native call ({@code viaWasiDl}) and per wasi:dl call
 * ({@code setS32}); compare with {@code DlComponentCall}'s ns.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DlIsolatedCall {
  static final int CALLS = 100;

  private GraalRuntime runtime;
  private DlIsolation isolation;
  private Instance instance;
  private Func bench;
  private Func set;
  private List<Val> args;

  @Setup
  public void setUp() throws IOException {
    runtime = Wasm.compiledRuntime();
    Linker linker = Linker.of(runtime);
    isolation =
        DlIsolation.start(
            DlPolicy.builder().allow(NativeLibs.dir() + "/*").build(),
            DlLimits.DEFAULT,
            Duration.ofSeconds(30));
    isolation.add(linker);
    instance = DlComponentCall.benchGuest(linker, null);
    bench = instance.func("bench").orElseThrow();
    set = instance.func("bench-set").orElseThrow();
    args = List.of(new Val.U32(CALLS));
  }

  @TearDown
  public void tearDown() {
    instance.close();
    isolation.close();
    runtime.close();
  }

  /** One native call: seven wasi:dl calls, each a round trip to the worker. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public Optional<Val> viaWasiDl() {
    return bench.call(args);
  }

  /** One set-s32: one round trip. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public Optional<Val> setS32() {
    return set.call(args);
  }
}
