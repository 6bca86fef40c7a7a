package dev.wasidl.benchmarks;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.wasidl.ffm.Function;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.OpenFlags;
import dev.wasidl.ffm.Signature;
import dev.wasidl.ffm.Symbol;
import dev.wasidl.nativetests.NativeLibs;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
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
 * What does the first call of a signature cost, before any cache holds it? One shot per fresh JVM:
 * bridge-ffm parses {@code (c-int, c-int) -> c-int}, misses its invoker cache (links the downcall
 * handle, spins the raw-call class) and calls {@code add(40, 2)}; static FFM links {@code
 * downcallHandle} and calls it with {@code invokeExact}. The library is open and the symbol looked
 * up in set-up for both. {@code jvm=cold}: nothing foreign was linked before (JVM start-up's
 * share); {@code jvm=warm}: another signature ({@code noop}'s) was linked and called through both
 * paths first, so only what the new signature costs is left.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(
    value = 20,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
@SuppressWarnings("restricted") // static FFM links its own handle
public class FirstCall {
  @Param({"cold", "warm"})
  public String jvm;

  private Library prims;
  private Symbol addSymbol;
  private MemorySegment add;

  @Setup
  public void setUp() throws Throwable {
    prims = Library.open(NativeLibs.path("wasidl_prims").toString(), OpenFlags.NOW);
    addSymbol = prims.get("add");
    add =
        SymbolLookup.libraryLookup(NativeLibs.path("wasidl_prims"), Arena.global())
            .find("add")
            .orElseThrow();
    if (jvm.equals("warm")) {
      try (Function noop = prims.get("noop").function(Signature.parse("()"))) {
        noop.invokeRaw(new long[0]);
      }
      try (Symbol noop = prims.get("noop")) {
        Linker.nativeLinker()
            .downcallHandle(MemorySegment.ofAddress(noop.address()), FunctionDescriptor.ofVoid())
            .invokeExact();
      }
    }
  }

  @TearDown
  public void tearDown() {
    addSymbol.close();
    prims.close();
  }

  @Benchmark
  public long bridgeFfm() {
    try (Function f = addSymbol.function(Signature.parse("(c-int, c-int) -> c-int"))) {
      return f.invokeRaw(new long[] {40, 2});
    }
  }

  @Benchmark
  public int staticFfm() throws Throwable {
    MethodHandle h =
        Linker.nativeLinker()
            .downcallHandle(add, FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    return (int) h.invokeExact(40, 2);
  }
}
