package dev.wasidl.ffm;

import dev.wasidl.ffm.internal.Native;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The method handles for one signature, built once and shared by every function of that signature
 * (the cache is keyed by signature and options, so two guests building the same signature share one
 * downcall handle).
 *
 * <p>Primitive values cross as canonical bits (see {@link Bits}) in {@code long} slots, so the fast
 * path is one {@code invokeExact} of {@code (MemorySegment target, long[] args) -> long} with no
 * boxing.
 */
final class Invoker {
  private static final ConcurrentHashMap<Key, Invoker> CACHE = new ConcurrentHashMap<>();
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private record Key(Signature signature, Set<CallOption> options) {}

  final Signature signature;
  final Set<CallOption> options;

  /**
   * The linker's own handle: {@code (MemorySegment target, [SegmentAllocator], [MemorySegment
   * capture], C args...)}.
   */
  final MethodHandle downcall;

  /**
   * The raw path {@code (MemorySegment target, long[] args) -> long}, its handle a constant in a
   * hidden class of its own; null if the signature has structs or captures errno.
   */
  final @Nullable RawCall rawCall;

  /** Whether the signature has the raw path: no structs by value, no errno capture. */
  final boolean raw;

  private final MethodHandle adapted;

  // Built on first use (a function called only through invokeRaw never needs them, and building
  // them is a third of a first call's cost); a racy write publishes an immutable object, so two
  // threads may build one each, harmlessly.
  private @Nullable ListCall listCall;
  private @Nullable FrameCall frameCall;

  private Invoker(Signature signature, Set<CallOption> options) {
    this.signature = signature;
    this.options = options;
    this.downcall =
        Native.downcallHandle(signature.descriptor(), linkerOptions(signature, options));
    boolean capture = options.contains(CallOption.CAPTURE_ERRNO);
    this.adapted = adapt(signature, downcall, capture);
    this.raw = !signature.hasStructs() && !capture;
    this.rawCall = raw ? spin(raw(adapted)) : null;
  }

  /**
   * {@link Function#call}'s path without structs or capture: {@code (target, List) -> long}, its
   * handle a constant in a hidden class of its own; only when {@link #raw}.
   */
  ListCall listCall() {
    ListCall l = listCall;
    if (l == null) {
      l = (ListCall) spin(Templates.LIST, Lowering.listCall(adapted));
      listCall = l;
    }
    return l;
  }

  /**
   * {@link Function#call}'s path with structs or capture: {@code (target, Scratch, capture, List)
   * -> Object}, a constant in a hidden class of its own; only when not {@link #raw}.
   */
  FrameCall frameCall() {
    FrameCall f = frameCall;
    if (f == null) {
      f =
          (FrameCall)
              spin(
                  Templates.FRAME,
                  Lowering.frameCall(
                      signature,
                      adapted,
                      signature.result().orElse(null) instanceof StructType,
                      options.contains(CallOption.CAPTURE_ERRNO)));
      frameCall = f;
    }
    return f;
  }

  private static final byte[] TEMPLATE = template("RawCallTemplate.class");

  /** The templates of the paths built on first use, read on first use too. */
  private static final class Templates {
    static final byte[] LIST = template("ListCallTemplate.class");
    static final byte[] FRAME = template("FrameCallTemplate.class");
  }

  private static byte[] template(String name) {
    try (var in = Invoker.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from bridge-ffm");
      }
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static RawCall spin(MethodHandle raw) {
    return (RawCall) spin(TEMPLATE, raw);
  }

  /** A hidden class of {@code template}'s bytes with {@code handle} as its constant. */
  private static Object spin(byte[] template, MethodHandle handle) {
    try {
      return LOOKUP
          .defineHiddenClassWithClassData(template, handle, true)
          .lookupClass()
          .getDeclaredConstructor()
          .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot define a call class", e);
    }
  }

  static Invoker of(Signature signature, Set<CallOption> options) {
    Set<CallOption> opts = options.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(options));
    return CACHE.computeIfAbsent(
        new Key(signature, opts), k -> new Invoker(k.signature, k.options));
  }

  /** The number of distinct signatures linked so far (for tests and diagnostics). */
  static int cacheSize() {
    return CACHE.size();
  }

  private static Linker.Option[] linkerOptions(Signature signature, Set<CallOption> options) {
    java.util.List<Linker.Option> result = new java.util.ArrayList<>();
    signature.firstVariadic().ifPresent(i -> result.add(Linker.Option.firstVariadicArg(i)));
    if (options.contains(CallOption.CAPTURE_ERRNO)) {
      result.add(Linker.Option.captureCallState("errno"));
    }
    if (options.contains(CallOption.CRITICAL)) {
      result.add(Linker.Option.critical(false));
    }
    return result.toArray(Linker.Option[]::new);
  }

  /**
   * Converts the linker handle's C carriers to canonical bits: every primitive parameter takes a
   * {@code long}, a primitive result becomes a {@code long}; structs stay segments.
   */
  private static MethodHandle adapt(Signature signature, MethodHandle downcall, boolean capture) {
    int leading =
        1 + (signature.result().orElse(null) instanceof StructType ? 1 : 0) + (capture ? 1 : 0);
    MethodHandle mh = downcall;
    for (int i = 0; i < signature.params().size(); i++) {
      if (signature.params().get(i) instanceof PrimitiveType p) {
        FfiType passed = signature.isVariadic(i) ? Signature.promoted(p) : p;
        mh =
            MethodHandles.filterArguments(
                mh, leading + i, Conversions.fromBits(p, (PrimitiveType) passed));
      }
    }
    if (signature.result().orElse(null) instanceof PrimitiveType p) {
      mh = MethodHandles.filterReturnValue(mh, Conversions.toBits(p));
    }
    return mh;
  }

  private static MethodHandle raw(MethodHandle adapted) {
    MethodHandle mh = adapted;
    if (mh.type().returnType() == void.class) {
      MethodHandle zero =
          MethodHandles.dropArguments(
              MethodHandles.constant(long.class, 0L), 0, mh.type().parameterList());
      mh = MethodHandles.foldArguments(zero, mh);
    }
    int n = mh.type().parameterCount() - 1;
    return mh.asSpreader(long[].class, n)
        .asType(MethodType.methodType(long.class, MemorySegment.class, long[].class));
  }

  /** Method handles converting between canonical bits and the linker's carrier types. */
  static final class Conversions {
    private static final MethodHandle OF_ADDRESS;
    private static final MethodHandle ADDRESS;

    static {
      try {
        OF_ADDRESS =
            LOOKUP.findStatic(
                MemorySegment.class,
                "ofAddress",
                MethodType.methodType(MemorySegment.class, long.class));
        ADDRESS =
            LOOKUP.findVirtual(MemorySegment.class, "address", MethodType.methodType(long.class));
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private Conversions() {}

    /**
     * {@code long bits -> carrier of passed}; {@code passed} differs from {@code type} for promoted
     * varargs.
     */
    static MethodHandle fromBits(PrimitiveType type, PrimitiveType passed) {
      Class<?> carrier = passed.layout().carrier();
      MethodHandle value =
          type.kind() == PrimitiveType.Kind.POINTER
              ? OF_ADDRESS
              : LongBits.fromLong(type.layout().carrier());
      return passed == type
          ? value
          : MethodHandles.explicitCastArguments(value, value.type().changeReturnType(carrier));
    }

    /** {@code carrier -> long bits}. */
    static MethodHandle toBits(PrimitiveType type) {
      return type.kind() == PrimitiveType.Kind.POINTER
          ? ADDRESS
          : LongBits.toLong(type.layout().carrier(), type.kind() == PrimitiveType.Kind.SIGNED);
    }
  }
}
