package dev.wasidl.benchmarks;

import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import dev.wasidl.graal.GraalFunction;
import dev.wasidl.graal.GraalModule;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.graal.GraalStore;
import dev.wasidl.graal.HostFunction;
import dev.wasidl.graal.Imports;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Func;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.runtime.LinkerInstance;
import dev.wasidl.runtime.TypedFunc;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.Val;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does a component call cost, canonical ABI included? The echo-c guest's exports call the host
 * import of the same name, so one operation is: lower the argument into the guest, call the export,
 * lift it in the lowered import, call the Java host, lower the result back, lift it out. A {@code
 * u32} measures the fixed cost; {@link CanonicalAbiThroughput} the per-byte cost. The {@code Typed}
 * variants call through {@link TypedFunc} (Java values straight to core values, no {@link Val}s)
 * where the plain ones go through {@link Func#call}; the host import still gets Vals. {@code
 * exportU32} is the export alone: typed-wat's {@code id}, which calls no import; {@code
 * coreExecute} its floor, one polyglot {@code Value.execute} of a core module's {@code id} (what
 * any call from Java into GraalWasm costs, and allocates, before the canonical ABI). {@code
 * exportU32TypedWithTimeout} is {@code exportU32Typed} under {@link Linker#callTimeout}: what a
 * time limit adds to each call (its watchdog timer), against nothing when no limit is set.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ComponentCall {
  private GraalRuntime runtime;
  private Instance instance;
  private Func func;
  private Val arg;
  private TypedFunc<Long> typed;
  private Instance bare;
  private Func id;
  private TypedFunc<Long> idTyped;
  private Instance limited;
  private TypedFunc<Long> limitedTyped;
  private GraalStore coreStore;
  private GraalFunction coreId;

  @Setup
  public void setUp() {
    runtime = Wasm.compiledRuntime();
    Linker linker = Linker.of(runtime);
    linker
        .instance("test:echo/types@0.1.0")
        .resource("thing", ResourceType.host("thing"), (cx, rep) -> {});
    LinkerInstance host = linker.instance("test:echo/host@0.1.0");
    host.func("echo-u32", (cx, a) -> Optional.of(a.getFirst()));
    linker.defineUnknownImportsAsTraps();
    instance = linker.instantiate(Component.of("echo-c", Wasm.guest("echo-c.wasm")));
    func = instance.func("test:echo/host@0.1.0", "echo-u32").orElseThrow();
    arg = new Val.U32(42);
    typed = func.typed(Long.class, long.class);
    bare =
        Linker.of(runtime)
            .defineUnknownImportsAsTraps()
            .instantiate(Component.of("typed-wat", Wasm.guest("typed-wat.wasm")));
    id = bare.func("id").orElseThrow();
    idTyped = id.typed(Long.class, long.class);
    limited =
        Linker.of(runtime)
            .defineUnknownImportsAsTraps()
            .callTimeout(java.time.Duration.ofSeconds(10))
            .instantiate(Component.of("typed-wat", Wasm.guest("typed-wat.wasm")));
    limitedTyped = limited.func("id").orElseThrow().typed(Long.class, long.class);
    coreStore = runtime.newStore();
    coreId =
        coreStore
            .instantiate(
                GraalModule.of("dispatch", Wasm.module("dispatch.wasm")),
                Imports.builder()
                    .define(
                        "env",
                        "add",
                        HostFunction.ofProxy(
                            new CoreType.Func(
                                List.of(CoreValType.I32, CoreValType.I32),
                                List.of(CoreValType.I32)),
                            a -> 0))
                    .build())
            .function("id")
            .orElseThrow();
  }

  @TearDown
  public void tearDown() {
    instance.close();
    bare.close();
    limited.close();
    coreStore.close();
    runtime.close();
  }

  @Benchmark
  public Optional<Val> echoU32() {
    return func.call(List.of(arg));
  }

  @Benchmark
  public Long echoU32Typed() {
    return typed.call(42L);
  }

  @Benchmark
  public Optional<Val> exportU32() {
    return id.call(List.of(arg));
  }

  @Benchmark
  public Long exportU32Typed() {
    return idTyped.call(42L);
  }

  @Benchmark
  public Long exportU32TypedWithTimeout() {
    return limitedTyped.call(42L);
  }

  @Benchmark
  public int coreExecute() {
    return coreId.callInt(42);
  }
}
