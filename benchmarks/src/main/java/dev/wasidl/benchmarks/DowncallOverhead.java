package dev.wasidl.benchmarks;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.wasidl.ffm.Alloc;
import dev.wasidl.ffm.CallOption;
import dev.wasidl.ffm.Function;
import dev.wasidl.ffm.IncomingPrimitive;
import dev.wasidl.ffm.IncomingStruct;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.OpenFlags;
import dev.wasidl.ffm.OutgoingPrimitive;
import dev.wasidl.ffm.OutgoingStruct;
import dev.wasidl.ffm.OutgoingValue;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Signature;
import dev.wasidl.nativetests.NativeLibs;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
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
 * (native-tests' {@code noop}, {@code add(int,int)}, {@code mix(double,int,long,float)}, the
 * struct-by-value {@code struct DD add_dd(struct DD, struct DD)} as {@code add2}, and libc's {@code
 * strlen} of a 64-byte string) through: the static-final FFM floor, bridge-ffm's raw and typed
 * paths, {@code invokeWithArguments}, JNA ({@code Function.invoke}, interface and direct mapping)
 * and jnr-ffi.
 *
 * <p>Paths that cannot pass a struct by value take {@link NoStruct}, whose {@code fn} lacks {@code
 * add2}: bridge-ffm's raw path (primitives only by design; structs go through {@code call}) and
 * jnr-ffi (2.3 has no struct by value).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@SuppressWarnings("restricted") // the static FFM floor links its own handles
public class DowncallOverhead {

  // The floor: handles in static finals, constant-folded by the JIT.
  private static final Linker LINKER = Linker.nativeLinker();
  private static final SymbolLookup PRIMS =
      SymbolLookup.libraryLookup(NativeLibs.path("wasidl_prims"), Arena.global());
  private static final SymbolLookup STRUCTS =
      SymbolLookup.libraryLookup(NativeLibs.path("wasidl_structs"), Arena.global());
  static final MemoryLayout DD = MemoryLayout.structLayout(JAVA_DOUBLE, JAVA_DOUBLE);
  private static final FunctionDescriptor ADD2_TYPE = FunctionDescriptor.of(DD, DD, DD);
  private static final MethodHandle NOOP =
      LINKER.downcallHandle(PRIMS.find("noop").orElseThrow(), FunctionDescriptor.ofVoid());
  private static final MethodHandle ADD =
      LINKER.downcallHandle(
          PRIMS.find("add").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
  private static final MethodHandle ADD2 =
      LINKER.downcallHandle(STRUCTS.find("add_dd").orElseThrow(), ADD2_TYPE);
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
  private static final MethodHandle ADD2_CRITICAL =
      LINKER.downcallHandle(
          STRUCTS.find("add_dd").orElseThrow(), ADD2_TYPE, Linker.Option.critical(false));
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

  /** The functions, bound once per trial for every path. */
  abstract static class Fixture {
    String kind = "";
    Library library;
    Alloc text;
    MemorySegment textSegment;
    // add2's arguments {1.5, 2.5} and {0.25, 4.0}, and a reused region for its result
    MemorySegment dd1;
    MemorySegment dd2;
    SegmentAllocator ddResult;
    Function function;
    Function criticalFunction;
    // add2's result, reused by bridgeTyped
    Alloc structResult;
    long[] rawArgs;
    List<OutgoingValue> typedArgs;
    Object[] boxedArgs;
    MethodHandle generic;
    Peers.Jna jna;
    Peers.Jnr jnr;
    com.sun.jna.Function jnaFunction;
    Object[] jnaArgs;

    void open(String fn) throws Exception {
      kind = fn;
      text = Alloc.allocate(PrimitiveType.POINTER);
      text.writeString("x".repeat(64));
      textSegment = MemorySegment.ofAddress(text.address());
      dd1 = Arena.global().allocate(DD);
      dd1.set(JAVA_DOUBLE, 0, 1.5);
      dd1.set(JAVA_DOUBLE, 8, 2.5);
      dd2 = Arena.global().allocate(DD);
      dd2.set(JAVA_DOUBLE, 0, 0.25);
      dd2.set(JAVA_DOUBLE, 8, 4.0);
      ddResult = SegmentAllocator.prefixAllocator(Arena.global().allocate(DD));
      jna = Peers.jna();
      jnr = Peers.jnr();
      library =
          fn.equals("strlen")
              ? Library.openProcess()
              : Library.open(
                  NativeLibs.path(fn.equals("add2") ? "wasidl_structs" : "wasidl_prims").toString(),
                  OpenFlags.NOW);
      switch (fn) {
        case "noop" -> {
          function = library.get("noop").function(Signature.parse("()"));
          rawArgs = new long[0];
          typedArgs = List.of();
          boxedArgs = new Object[0];
          generic = NOOP;
          jnaFunction = Peers.jnaFunction("noop");
          jnaArgs = boxedArgs;
        }
        case "add" -> {
          function = library.get("add").function(Signature.parse("(c-int, c-int) -> c-int"));
          rawArgs = new long[] {40, 2};
          typedArgs =
              List.of(
                  OutgoingPrimitive.ofSigned(PrimitiveType.C_INT, 40),
                  OutgoingPrimitive.ofSigned(PrimitiveType.C_INT, 2));
          boxedArgs = new Object[] {40, 2};
          generic = ADD;
          jnaFunction = Peers.jnaFunction("add");
          jnaArgs = boxedArgs;
        }
        case "mix" -> {
          function =
              library
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
          jnaArgs = boxedArgs;
        }
        case "add2" -> {
          String dd = "struct{c-double, c-double}";
          function =
              library.get("add_dd").function(Signature.parse("(" + dd + ", " + dd + ") -> " + dd));
          rawArgs = new long[0];
          typedArgs =
              List.of(
                  OutgoingStruct.of(
                      OutgoingPrimitive.ofDouble(PrimitiveType.C_DOUBLE, 1.5),
                      OutgoingPrimitive.ofDouble(PrimitiveType.C_DOUBLE, 2.5)),
                  OutgoingStruct.of(
                      OutgoingPrimitive.ofDouble(PrimitiveType.C_DOUBLE, 0.25),
                      OutgoingPrimitive.ofDouble(PrimitiveType.C_DOUBLE, 4.0)));
          boxedArgs = new Object[] {ddResult, dd1, dd2};
          generic = ADD2;
          jnaFunction = Peers.jnaStructFunction("add_dd");
          jnaArgs = new Object[] {Peers.dd(1.5, 2.5), Peers.dd(0.25, 4.0)};
        }
        case "strlen" -> {
          function = library.get("strlen").function(Signature.parse("(pointer) -> c-ulong"));
          rawArgs = new long[] {text.address()};
          typedArgs = List.of(OutgoingPrimitive.ofAddress(text));
          boxedArgs = new Object[] {textSegment};
          generic = STRLEN;
          jnaFunction = com.sun.jna.NativeLibrary.getProcess().getFunction("strlen");
          jnaArgs = new Object[] {new com.sun.jna.Pointer(text.address())};
        }
        default -> throw new IllegalArgumentException(fn);
      }
      if (fn.equals("add2")) {
        structResult = Alloc.allocate(function.signature().result().orElseThrow());
      }
      criticalFunction =
          Function.at(
              MemorySegment.ofAddress(function.address()),
              function.signature(),
              CallOption.CRITICAL);
    }

    void close() {
      text.close();
      if (structResult != null) {
        structResult.close();
      }
      function.close();
      criticalFunction.close();
      library.close();
    }
  }

  /** Every function, struct by value included. */
  @State(Scope.Thread)
  public static class Every extends Fixture {
    @Param({"noop", "add", "mix", "add2", "strlen"})
    public String fn;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      open(fn);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      close();
    }
  }

  /** The functions without structs, for the paths that cannot pass one by value. */
  @State(Scope.Thread)
  public static class NoStruct extends Fixture {
    @Param({"noop", "add", "mix", "strlen"})
    public String fn;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      open(fn);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      close();
    }
  }

  @Benchmark
  public long staticInvokeExact(Every s) throws Throwable {
    return switch (s.kind) {
      case "noop" -> {
        NOOP.invokeExact();
        yield 0;
      }
      case "add" -> (int) ADD.invokeExact(40, 2);
      case "mix" -> Double.doubleToRawLongBits((double) MIX.invokeExact(1.5, 2, 3L, 0.25f));
      case "add2" ->
          Double.doubleToRawLongBits(
              ((MemorySegment) ADD2.invokeExact(s.ddResult, s.dd1, s.dd2)).get(JAVA_DOUBLE, 0));
      default -> (long) STRLEN.invokeExact(s.textSegment);
    };
  }

  @Benchmark
  public long staticCritical(Every s) throws Throwable {
    return switch (s.kind) {
      case "noop" -> {
        NOOP_CRITICAL.invokeExact();
        yield 0;
      }
      case "add" -> (int) ADD_CRITICAL.invokeExact(40, 2);
      case "mix" ->
          Double.doubleToRawLongBits((double) MIX_CRITICAL.invokeExact(1.5, 2, 3L, 0.25f));
      case "add2" ->
          Double.doubleToRawLongBits(
              ((MemorySegment) ADD2_CRITICAL.invokeExact(s.ddResult, s.dd1, s.dd2))
                  .get(JAVA_DOUBLE, 0));
      default -> (long) STRLEN_CRITICAL.invokeExact(s.textSegment);
    };
  }

  @Benchmark
  public long bridgeRawCritical(NoStruct s) {
    return s.criticalFunction.invokeRaw(s.rawArgs);
  }

  @Benchmark
  public long bridgeRaw(NoStruct s) {
    return s.function.invokeRaw(s.rawArgs);
  }

  /**
   * The typed path without result objects: a primitive result as canonical bits, a struct result
   * stored into a reused alloc.
   */
  @Benchmark
  public long bridgeTyped(Every s) {
    if (s.structResult == null) {
      return s.function.callBits(s.typedArgs);
    }
    s.function.callInto(s.typedArgs, s.structResult);
    return Double.doubleToRawLongBits(s.structResult.segment().get(JAVA_DOUBLE, 0));
  }

  /** The typed path returning wasi:dl's values: {@code Optional<IncomingValue>}. */
  @Benchmark
  public long bridgeTypedValue(Every s) {
    return s.function
        .call(s.typedArgs)
        .map(
            v ->
                switch (v) {
                  case IncomingPrimitive p -> p.bits();
                  case IncomingStruct st -> st.primitive(0).bits();
                })
        .orElse(0L);
  }

  @Benchmark
  public Object invokeWithArguments(Every s) throws Throwable {
    return s.generic.invokeWithArguments(s.boxedArgs);
  }

  @Benchmark
  public Object jnaFunctionInvoke(Every s) {
    return switch (s.kind) {
      case "noop" -> {
        s.jnaFunction.invokeVoid(s.jnaArgs);
        yield null;
      }
      case "add" -> s.jnaFunction.invokeInt(s.jnaArgs);
      case "mix" -> s.jnaFunction.invokeDouble(s.jnaArgs);
      case "add2" -> s.jnaFunction.invoke(Peers.DD.ByValue.class, s.jnaArgs);
      default -> s.jnaFunction.invokeLong(new Object[] {new com.sun.jna.Pointer(s.text.address())});
    };
  }

  @Benchmark
  public long jnaDirect(Every s) {
    return switch (s.kind) {
      case "noop" -> {
        Peers.JnaDirect.noop();
        yield 0;
      }
      case "add" -> Peers.JnaDirect.add(40, 2);
      case "mix" -> Double.doubleToRawLongBits(Peers.JnaDirect.mix(1.5, 2, 3, 0.25f));
      case "add2" ->
          Double.doubleToRawLongBits(
              Peers.JnaDirectStructs.add_dd(
                      (Peers.DD.ByValue) s.jnaArgs[0], (Peers.DD.ByValue) s.jnaArgs[1])
                  .a);
      default -> Peers.JnaDirectLibc.strlen(s.text.address());
    };
  }

  @Benchmark
  public long jnaInterface(Every s) {
    return switch (s.kind) {
      case "noop" -> {
        s.jna.noop();
        yield 0;
      }
      case "add" -> s.jna.add(40, 2);
      case "mix" -> Double.doubleToRawLongBits(s.jna.mix(1.5, 2, 3, 0.25f));
      case "add2" ->
          Double.doubleToRawLongBits(
              Peers.jnaStructs()
                  .add_dd((Peers.DD.ByValue) s.jnaArgs[0], (Peers.DD.ByValue) s.jnaArgs[1])
                  .a);
      default -> Peers.jnaLibc().strlen(s.text.address());
    };
  }

  @Benchmark
  public long jnrFfi(NoStruct s) {
    return switch (s.kind) {
      case "noop" -> {
        s.jnr.noop();
        yield 0;
      }
      case "add" -> s.jnr.add(40, 2);
      case "mix" -> Double.doubleToRawLongBits(s.jnr.mix(1.5, 2, 3, 0.25f));
      default -> Peers.jnrLibc().strlen(s.text.address());
    };
  }
}
