package dev.wasidl.benchmarks;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.wasidl.abi.Memory;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import dev.wasidl.graal.DeferredStores;
import dev.wasidl.graal.GraalFunction;
import dev.wasidl.graal.GraalMemory;
import dev.wasidl.graal.GraalModule;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.graal.GraalStore;
import dev.wasidl.graal.HostFunction;
import dev.wasidl.graal.Imports;
import dev.wasidl.nativetests.NativeLibs;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.proxy.ProxyExecutable;
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
 * What does one call from compiled wasm into a Java host function cost? A wasm loop calls {@code
 * env.add(i32,i32)} 1000 times: through polyglot's {@code ProxyExecutable}, through the typed host
 * function object graal-host spins per signature, and inline in wasm (the floor). ns per call.
 * {@code typedNativeAdd}: the typed host function is native-tests' C {@code add} itself (its static
 * FFM downcall handle), the floor of any wasm-to-native call on GraalWasm, which {@code
 * DlComponentCall} is compared with. {@code polyglotStores} and {@code deferredStores}: the typed
 * add also writes a byte and an int into guest memory, through polyglot or queued for the store
 * adapter.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
@SuppressWarnings("restricted") // the native floor links its own handle
public class HostImportDispatch {
  static final int CALLS = 1000;
  private static final CoreType.Func ADD =
      new CoreType.Func(List.of(CoreValType.I32, CoreValType.I32), List.of(CoreValType.I32));

  private GraalRuntime runtime;
  private GraalStore proxyStore;
  private GraalStore typedStore;
  private GraalFunction proxyLoop;
  private GraalFunction typedLoop;
  private GraalFunction inlineLoop;
  private GraalStore nativeStore;
  private GraalFunction nativeLoop;
  private GraalStore storingStore;
  private GraalFunction polyglotStoresLoop;
  private GraalFunction deferredStoresLoop;
  private GraalFunction wasmImportLoop;

  /** A host add that also stores its operands into guest memory, as a lowered result store does. */
  static final class Storing {
    private final Memory memory;

    Storing(Memory memory) {
      this.memory = memory;
    }

    int add(int a, int b) {
      memory.storeI8(16, (byte) a);
      memory.storeI32(20, b);
      return a + b;
    }
  }

  static int add(int a, int b) {
    return a + b;
  }

  @Setup
  public void setUp() throws ReflectiveOperationException {
    runtime = Wasm.compiledRuntime();
    GraalModule module = GraalModule.of("dispatch", Wasm.module("dispatch.wasm"));
    HostFunction typed =
        HostFunction.of(
            ADD,
            MethodHandles.lookup()
                .findStatic(
                    HostImportDispatch.class,
                    "add",
                    MethodType.methodType(int.class, int.class, int.class)));
    HostFunction proxy =
        HostFunction.ofProxy(ADD, (ProxyExecutable) a -> a[0].asInt() + a[1].asInt());
    HostFunction nativeAdd =
        HostFunction.of(
            ADD,
            Linker.nativeLinker()
                .downcallHandle(
                    SymbolLookup.libraryLookup(NativeLibs.path("wasidl_prims"), Arena.global())
                        .find("add")
                        .orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT)));
    nativeStore = runtime.newStore();
    nativeLoop =
        nativeStore
            .instantiate(module, Imports.builder().define("env", "add", nativeAdd).build())
            .function("host_loop")
            .orElseThrow();
    typedStore = runtime.newStore();
    proxyStore = runtime.newStore();
    typedLoop =
        typedStore
            .instantiate(module, Imports.builder().define("env", "add", typed).build())
            .function("host_loop")
            .orElseThrow();
    inlineLoop =
        typedStore
            .instantiate(module, Imports.builder().define("env", "add", typed).build())
            .function("inline_loop")
            .orElseThrow();
    storingStore = runtime.newStore();
    GraalMemory memory =
        storingStore
            .instantiate(module, Imports.builder().define("env", "add", typed).build())
            .memory("memory")
            .orElseThrow();
    MethodHandle storingAdd =
        MethodHandles.lookup()
            .findVirtual(
                Storing.class, "add", MethodType.methodType(int.class, int.class, int.class));
    polyglotStoresLoop =
        storingStore
            .instantiate(
                module,
                Imports.builder()
                    .define(
                        "env", "add", HostFunction.of(ADD, storingAdd.bindTo(new Storing(memory))))
                    .build())
            .function("host_loop")
            .orElseThrow();
    GraalFunction wasmAdd =
        storingStore
            .instantiate(module, Imports.builder().define("env", "add", typed).build())
            .function("wasm_add")
            .orElseThrow();
    wasmImportLoop =
        storingStore
            .instantiate(module, Imports.builder().define("env", "add", wasmAdd).build())
            .function("host_loop")
            .orElseThrow();
    DeferredStores deferred = memory.deferredStores();
    deferredStoresLoop =
        storingStore
            .instantiate(
                module,
                Imports.builder()
                    .define(
                        "env",
                        "add",
                        HostFunction.deferringStores(
                            ADD, storingAdd.bindTo(new Storing(deferred)), deferred))
                    .build())
            .function("host_loop")
            .orElseThrow();
    proxyLoop =
        proxyStore
            .instantiate(module, Imports.builder().define("env", "add", proxy).build())
            .function("host_loop")
            .orElseThrow();
  }

  @TearDown
  public void tearDown() {
    typedStore.close();
    proxyStore.close();
    nativeStore.close();
    storingStore.close();
    runtime.close();
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int proxyExecutable() {
    return proxyLoop.callInt(CALLS);
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int typedHostFunction() {
    return typedLoop.callInt(CALLS);
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int typedNativeAdd() {
    return nativeLoop.callInt(CALLS);
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int inlineInWasm() {
    return inlineLoop.callInt(CALLS);
  }

  /**
   * The typed host add that also makes two stores (a byte and an int, as a lowered {@code
   * result<s32>} does) straight through polyglot's buffer API.
   */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int polyglotStores() {
    return polyglotStoresLoop.callInt(CALLS);
  }

  /** The same two stores queued, and made by the store adapter's wasm after each call. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int deferredStores() {
    return deferredStoresLoop.callInt(CALLS);
  }

  /** The add imported from another core instance: a call between two wasm instances. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public int wasmImport() {
    return wasmImportLoop.callInt(CALLS);
  }
}
