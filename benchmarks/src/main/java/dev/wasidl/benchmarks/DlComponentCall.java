package dev.wasidl.benchmarks;

import dev.wasidl.dl.DlCtx;
import dev.wasidl.dl.WasiDl;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.nativetests.NativeLibs;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Func;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.types.Val;
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
 * What does a native call from a component through wasi:dl cost? The dl-bench-c guest (graal-host's
 * test guests) calls native-tests' {@code add(int, int)} {@value #CALLS} times in one export call,
 * each time: two {@code outgoing-primitive} constructors, two {@code set-s32}, {@code
 * function.call}, {@code incoming-primitive.get-s32} and the drop: seven wasi:dl imports per native
 * call. ns per native call; compare with {@code HostImportDispatch.typedNativeAdd}, a core module
 * calling the same C function through one typed host import. {@code newAndDrop}, {@code setS32} and
 * {@code getS32} time one kind of those crossings each (ns per crossing). Sixteen warm-up seconds:
 * Truffle's last compilations of this path land around the tenth, and a measurement before them is
 * 10% slower and allocates more.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 16, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DlComponentCall {
  static final int CALLS = 1000;
  static final int INSTANCES = 8;

  private GraalRuntime runtime;
  private DlCtx dl;
  private Instance instance;
  private Func bench;
  private Func newDrop;
  private Func set;
  private Func get;
  private List<Val> args;
  private Instance[] others;
  private Func[] benches;
  private List<Val> share;

  @Setup
  public void setUp() {
    runtime = Wasm.compiledRuntime();
    Linker linker = Linker.of(runtime);
    WasiDl.add(linker);
    dl = new DlCtx(DlPolicy.builder().allow(NativeLibs.dir() + "/*").build());
    instance = benchGuest(linker, dl);
    bench = instance.func("bench").orElseThrow();
    args = List.of(new Val.U32(CALLS));
    newDrop = instance.func("bench-new-drop").orElseThrow();
    set = instance.func("bench-set").orElseThrow();
    get = instance.func("bench-get").orElseThrow();
    if (!get.call(List.of(new Val.U32(10))).equals(Optional.of(new Val.S64(90)))) {
      throw new IllegalStateException("dl-bench-c bench-get(10) is not 90");
    }
    others = new Instance[INSTANCES - 1];
    benches = new Func[INSTANCES];
    benches[0] = bench;
    for (int i = 1; i < INSTANCES; i++) {
      others[i - 1] = benchGuest(linker, dl);
      benches[i] = others[i - 1].func("bench").orElseThrow();
    }
    share = List.of(new Val.U32(CALLS / INSTANCES));
  }

  /**
   * dl-bench-c instantiated by {@code linker} with {@code data}, its native library opened ({@code
   * setup}) and {@code bench(10)} checked: the sum of {@code add(i, 2)} for i < 10.
   */
  static Instance benchGuest(Linker linker, Object data) {
    Instance instance =
        linker.instantiate(Component.of("dl-bench-c", Wasm.guest("dl-bench-c.wasm")), data);
    Optional<Val> ready =
        instance
            .func("setup")
            .orElseThrow()
            .call(List.of(new Val.Str(NativeLibs.dir().toString())));
    if (!ready.equals(Optional.of(new Val.ResultVal(true, Optional.of(new Val.Str("ready")))))) {
      throw new IllegalStateException("dl-bench-c setup: " + ready);
    }
    // n(n-1)/2 + 2n
    Optional<Val> check = instance.func("bench").orElseThrow().call(List.of(new Val.U32(10)));
    if (!check.equals(Optional.of(new Val.S64(65)))) {
      throw new IllegalStateException("dl-bench-c bench(10) = " + check + ", expected 65");
    }
    return instance;
  }

  @TearDown
  public void tearDown() {
    for (Instance other : others) {
      other.close();
    }
    instance.close();
    dl.close();
    runtime.close();
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public Optional<Val> viaWasiDl() {
    return bench.call(args);
  }

  /**
   * {@link #viaWasiDl} spread over eight live instances of the guest, an eighth of the calls each:
   * what a host running several instances of one component sees, where the code GraalWasm compiles
   * for a call site is shared by the instances and must not be specialized to one.
   */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public long viaWasiDlAcrossInstances() {
    long sum = 0;
    for (Func f : benches) {
      sum += ((Val.S64) f.call(share).orElseThrow()).value();
    }
    return sum;
  }

  /** One constructor and its drop: a lowering with a flat result, and resource.drop. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public Optional<Val> newAndDrop() {
    return newDrop.call(args);
  }

  /** One set-s32: a borrowed handle in, a flat result out. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public Optional<Val> setS32() {
    return set.call(args);
  }

  /** One get-s32: a borrowed handle in, the result stored through the out-pointer. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public Optional<Val> getS32() {
    return get.call(args);
  }
}
