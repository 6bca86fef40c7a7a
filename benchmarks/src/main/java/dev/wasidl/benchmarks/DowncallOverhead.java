package dev.wasidl.benchmarks;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.wasidl.ffm.Alloc;
import dev.wasidl.ffm.Function;
import dev.wasidl.ffm.IncomingPrimitive;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.OpenFlags;
import dev.wasidl.ffm.OutgoingPrimitive;
import dev.wasidl.ffm.OutgoingValue;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Signature;
import dev.wasidl.nativetests.NativeLibs;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * What does a C call cost when its signature is only known at run time? The same C functions
 * (native-tests' {@code noop}, {@code add(int,int)}, {@code mix(double,int,long,float)} and libc's
 * {@code strlen} of a 64-byte string) through: the static-final FFM floor, bridge-ffm's raw and
 * typed paths, {@code invokeWithArguments}, JNA ({@code Function.invoke} and direct mapping) and
 * jnr-ffi.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
@SuppressWarnings("restricted") // the static FFM floor links its own handles
public class DowncallOverhead {

  @Param({"noop", "add", "mix", "strlen"})
  public String fn;

  // The floor: handles in static finals, constant-folded by the JIT.
  private static final Linker LINKER = Linker.nativeLinker();
  private static final SymbolLookup PRIMS =
      SymbolLookup.libraryLookup(NativeLibs.path("wasidl_prims"), Arena.global());
  private static final MethodHandle NOOP =
      LINKER.downcallHandle(PRIMS.find("noop").orElseThrow(), FunctionDescriptor.ofVoid());
  private static final MethodHandle ADD =
      LINKER.downcallHandle(
          PRIMS.find("add").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
  private static final MethodHandle NOOP_CRITICAL =
      LINKER.downcallHandle(
          PRIMS.find("noop").orElseThrow(),
          FunctionDescriptor.ofVoid(),
          Linker.Option.critical(false));
  private static final MethodHandle ADD_CRITICAL =
      LINKER.downcallHandle(
          PRIMS.find("add").orElseThrow(),
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT),
          Linker.Option.critical(false));
  private static final MethodHandle MIX_CRITICAL =
      LINKER.downcallHandle(
          PRIMS.find("mix").orElseThrow(),
          FunctionDescriptor.of(JAVA_DOUBLE, JAVA_DOUBLE, JAVA_INT, JAVA_LONG, JAVA_FLOAT),
          Linker.Option.critical(false));
  private static final MethodHandle STRLEN_CRITICAL =
      LINKER.downcallHandle(
          LINKER.defaultLookup().find("strlen").orElseThrow(),
          FunctionDescriptor.of(JAVA_LONG, ADDRESS),
          Linker.Option.critical(false));
  private static final MethodHandle MIX =
      LINKER.downcallHandle(
          PRIMS.find("mix").orElseThrow(),
          FunctionDescriptor.of(JAVA_DOUBLE, JAVA_DOUBLE, JAVA_INT, JAVA_LONG, JAVA_FLOAT));
  private static final MethodHandle STRLEN =
      LINKER.downcallHandle(
          LINKER.defaultLookup().find("strlen").orElseThrow(),
          FunctionDescriptor.of(JAVA_LONG, ADDRESS));

  private Library prims;
  private Library libc;
  private Alloc text;
  private MemorySegment textSegment;
  private Function function;
  private Function criticalFunction;
  private long[] rawArgs;
  private List<OutgoingValue> typedArgs;
  private Object[] boxedArgs;
  private MethodHandle generic;
  private Peers.Jna jna;
  private Peers.Jnr jnr;
  private com.sun.jna.Function jnaFunction;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    prims = Library.open(NativeLibs.path("wasidl_prims").toString(), OpenFlags.NOW);
    libc = Library.openProcess();
    text = Alloc.allocate(PrimitiveType.POINTER);
    text.writeString("x".repeat(64));
    textSegment = MemorySegment.ofAddress(text.address());
    jna = Peers.jna();
    jnr = Peers.jnr();
    switch (fn) {
      case "noop" -> {
        function = prims.get("noop").function(Signature.parse("()"));
        rawArgs = new long[0];
        typedArgs = List.of();
        boxedArgs = new Object[0];
        generic = NOOP;
        jnaFunction = Peers.jnaFunction("noop");
      }
      case "add" -> {
        function = prims.get("add").function(Signature.parse("(c-int, c-int) -> c-int"));
        rawArgs = new long[] {40, 2};
        typedArgs =
            List.of(
                OutgoingPrimitive.ofSigned(PrimitiveType.C_INT, 40),
                OutgoingPrimitive.ofSigned(PrimitiveType.C_INT, 2));
        boxedArgs = new Object[] {40, 2};
        generic = ADD;
        jnaFunction = Peers.jnaFunction("add");
      }
      case "mix" -> {
        function =
            prims
                .get("mix")
                .function(Signature.parse("(c-double, c-int, c-long, c-float) -> c-double"));
        rawArgs =
            new long[] {Double.doubleToRawLongBits(1.5), 2, 3, Float.floatToRawIntBits(0.25f)};
        typedArgs =
            List.of(
                OutgoingPrimitive.ofDouble(PrimitiveType.C_DOUBLE, 1.5),
                OutgoingPrimitive.ofSigned(PrimitiveType.C_INT, 2),
                OutgoingPrimitive.ofSigned(PrimitiveType.C_LONG, 3),
                OutgoingPrimitive.ofFloat(PrimitiveType.C_FLOAT, 0.25f));
        boxedArgs = new Object[] {1.5, 2, 3L, 0.25f};
        generic = MIX;
        jnaFunction = Peers.jnaFunction("mix");
      }
      case "strlen" -> {
        function = libc.get("strlen").function(Signature.parse("(pointer) -> c-ulong"));
        rawArgs = new long[] {text.address()};
        typedArgs = List.of(OutgoingPrimitive.ofAddress(text));
        boxedArgs = new Object[] {textSegment};
        generic = STRLEN;
        jnaFunction = com.sun.jna.NativeLibrary.getProcess().getFunction("strlen");
      }
      default -> throw new IllegalArgumentException(fn);
    }
    criticalFunction =
        Function.at(
            MemorySegment.ofAddress(function.address()),
            function.signature(),
            dev.wasidl.ffm.CallOption.CRITICAL);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    text.close();
    function.close();
    criticalFunction.close();
    prims.close();
    libc.close();
  }

  @Benchmark
  public long staticInvokeExact() throws Throwable {
    return switch (fn) {
      case "noop" -> {
        NOOP.invokeExact();
        yield 0;
      }
      case "add" -> (int) ADD.invokeExact(40, 2);
      case "mix" -> Double.doubleToRawLongBits((double) MIX.invokeExact(1.5, 2, 3L, 0.25f));
      default -> (long) STRLEN.invokeExact(textSegment);
    };
  }

  @Benchmark
  public long staticCritical() throws Throwable {
    return switch (fn) {
      case "noop" -> {
        NOOP_CRITICAL.invokeExact();
        yield 0;
      }
      case "add" -> (int) ADD_CRITICAL.invokeExact(40, 2);
      case "mix" ->
          Double.doubleToRawLongBits((double) MIX_CRITICAL.invokeExact(1.5, 2, 3L, 0.25f));
      default -> (long) STRLEN_CRITICAL.invokeExact(textSegment);
    };
  }

  @Benchmark
  public long bridgeRawCritical() {
    return criticalFunction.invokeRaw(rawArgs);
  }

  @Benchmark
  public long bridgeRaw() {
    return function.invokeRaw(rawArgs);
  }

  @Benchmark
  public long bridgeTyped() {
    return function.call(typedArgs).map(v -> ((IncomingPrimitive) v).bits()).orElse(0L);
  }

  @Benchmark
  public Object invokeWithArguments() throws Throwable {
    return generic.invokeWithArguments(boxedArgs);
  }

  @Benchmark
  public Object jnaFunctionInvoke() {
    return switch (fn) {
      case "noop" -> {
        jnaFunction.invokeVoid(boxedArgs);
        yield null;
      }
      case "add" -> jnaFunction.invokeInt(boxedArgs);
      case "mix" -> jnaFunction.invokeDouble(boxedArgs);
      default -> jnaFunction.invokeLong(new Object[] {jnaString()});
    };
  }

  private com.sun.jna.Pointer jnaString() {
    return new com.sun.jna.Pointer(text.address());
  }

  @Benchmark
  public long jnaDirect() {
    return switch (fn) {
      case "noop" -> {
        Peers.JnaDirect.noop();
        yield 0;
      }
      case "add" -> Peers.JnaDirect.add(40, 2);
      case "mix" -> Double.doubleToRawLongBits(Peers.JnaDirect.mix(1.5, 2, 3, 0.25f));
      default -> Peers.JnaDirectLibc.strlen(text.address());
    };
  }

  @Benchmark
  public long jnaInterface() {
    return switch (fn) {
      case "noop" -> {
        jna.noop();
        yield 0;
      }
      case "add" -> jna.add(40, 2);
      case "mix" -> Double.doubleToRawLongBits(jna.mix(1.5, 2, 3, 0.25f));
      default -> Peers.jnaLibc().strlen(text.address());
    };
  }

  @Benchmark
  public long jnrFfi() {
    return switch (fn) {
      case "noop" -> {
        jnr.noop();
        yield 0;
      }
      case "add" -> jnr.add(40, 2);
      case "mix" -> Double.doubleToRawLongBits(jnr.mix(1.5, 2, 3, 0.25f));
      default -> Peers.jnrLibc().strlen(text.address());
    };
  }
}
