package dev.wasidl.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.wasidl.ffm.internal.Native;
import dev.wasidl.ffm.internal.NativeLibrary;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * C code at an address with a signature, wasi:dl's {@code function}. The downcall handle comes from
 * a per-signature cache, so building the same signature again links nothing.
 *
 * <p>Two ways to call: {@link #call} takes typed values and checks arity and each argument's type;
 * {@link #invokeRaw} is the fast path for signatures without structs, taking and returning
 * canonical bits (signed integers sign-extended, unsigned zero-extended, {@code c-float} as its
 * IEEE bits, {@code c-double} as its IEEE bits, pointers as addresses) with one {@code invokeExact}
 * and no boxing.
 *
 * <p>A function from a library keeps the library loaded until closed (or unreachable). Closing it
 * while another thread is inside a call through it is a race the caller must avoid.
 */
public final class Function implements AutoCloseable {
  private static final long ERRNO_OFFSET =
      Linker.Option.captureStateLayout().byteOffset(MemoryLayout.PathElement.groupElement("errno"));

  private static final long CAPTURE_SIZE = Linker.Option.captureStateLayout().byteSize();
  private static final long CAPTURE_ALIGNMENT = Linker.Option.captureStateLayout().byteAlignment();

  private final Signature signature;
  // the parameter types as an array: the typed paths' shape check indexes it on every call
  private final FfiType[] params;
  private final Set<CallOption> options;
  private final boolean captures; // options has CAPTURE_ERRNO, without a set lookup per call
  private final MemorySegment target;
  private final Invoker invoker;
  private final @Nullable FfiType resultType;
  private final @Nullable PrimitiveType resultPrimitive;
  private final @Nullable NativeLibrary origin;
  private final Cleaner.@Nullable Cleanable reference;
  private volatile boolean closed;

  private Function(
      long address, Signature signature, Set<CallOption> options, @Nullable NativeLibrary origin) {
    if (Long.compareUnsigned(address, Native.LOWEST_VALID_ADDRESS) < 0) {
      throw new OutOfBoundsException(
          "no function can be at 0x" + Long.toHexString(address) + " (null pointer)");
    }
    this.signature = signature;
    this.params = signature.params().toArray(FfiType[]::new);
    this.options = options;
    this.captures = options.contains(CallOption.CAPTURE_ERRNO);
    this.target = MemorySegment.ofAddress(address);
    this.invoker = Invoker.of(signature, options);
    this.resultType = signature.result().orElse(null);
    this.resultPrimitive = resultType instanceof PrimitiveType p ? p : null;
    this.origin = origin;
    this.reference = origin == null ? null : origin.retain(this);
  }

  static Function of(
      long address, Signature signature, CallOption[] options, @Nullable NativeLibrary origin) {
    Set<CallOption> set =
        options.length == 0 ? Set.of() : Set.copyOf(EnumSet.copyOf(Arrays.asList(options)));
    return new Function(address, signature, set, origin);
  }

  /**
   * wasi:dl {@code function.from-alloc}: calls the code at the region's address. The alloc must be
   * of type {@code pointer} and foreign (owned allocs are data, never code).
   */
  public static Function fromAlloc(Alloc alloc, Signature signature, CallOption... options) {
    if (alloc.type() != PrimitiveType.POINTER) {
      throw new TypeMismatchException(
          "from-alloc needs an alloc of pointer, not " + alloc.type().witName());
    }
    if (alloc.isOwned()) {
      throw new TypeMismatchException(
          "from-alloc of an owned alloc: its memory is data we allocated, not code");
    }
    return of(alloc.address(), signature, options, alloc.origin());
  }

  /** A function at a raw address (the caller vouches for the code there). */
  public static Function at(MemorySegment address, Signature signature, CallOption... options) {
    return of(address.address(), signature, options, null);
  }

  /** The signature. */
  public Signature signature() {
    return signature;
  }

  /** The options it was linked with. */
  public Set<CallOption> options() {
    return options;
  }

  /** The code address. */
  public long address() {
    checkOpen();
    return target.address();
  }

  /** wasi:dl {@code function.get-alloc}: the foreign region at the function's address. */
  public Alloc getAlloc() {
    checkOpen();
    return Alloc.foreign(target.address(), PrimitiveType.POINTER, origin);
  }

  /**
   * The linker's cached, address-less downcall handle for this signature: {@code (MemorySegment
   * target, [SegmentAllocator], [MemorySegment capture], C args...)}. Equal signatures share it.
   */
  public MethodHandle downcallHandle() {
    return invoker.downcall;
  }

  /** True if {@link #invokeRaw} can be used: no struct by value and no errno capture. */
  public boolean hasRawPath() {
    return invoker.rawCall != null;
  }

  /** wasi:dl {@code function.call}: checks arity and argument types, then calls. */
  public Optional<IncomingValue> call(OutgoingValue... args) {
    return call(Arrays.asList(args));
  }

  /** wasi:dl {@code function.call}: checks arity and argument types, then calls. */
  public Optional<IncomingValue> call(List<? extends OutgoingValue> args) {
    checkShapes(args);
    if (!invoker.raw) {
      return callFramed(args, null);
    }
    long bits = callList(args);
    return resultPrimitive == null
        ? Optional.empty()
        : Optional.of(new IncomingPrimitive(resultPrimitive, bits, origin));
  }

  /**
   * Like {@link #call}, for a function with a primitive or no result: returns the result in
   * canonical bits (see {@link #invokeRaw}; 0 for {@code void}), so that no result object is built.
   * A function returning a struct takes {@link #callInto} instead.
   */
  public long callBits(List<? extends OutgoingValue> args) {
    if (resultType instanceof StructType) {
      throw new TypeMismatchException(
          "callBits needs a primitive or void result, not "
              + resultType.witName()
              + " "
              + signature);
    }
    checkShapes(args);
    if (!invoker.raw) {
      return callFrameBits(args);
    }
    return callList(args);
  }

  /**
   * Like {@link #call}, storing the result into {@code result}, an alloc of the result's type
   * (owned or foreign), instead of building a value: a struct result goes from the call's frame
   * straight into the alloc's memory.
   */
  public void callInto(List<? extends OutgoingValue> args, Alloc result) {
    FfiType type = resultType;
    if (type == null || !type.equals(result.type())) {
      throw new TypeMismatchException(
          "callInto needs an alloc of the result type "
              + (type == null ? "(the function returns nothing)" : type.witName())
              + ", not "
              + result.type().witName());
    }
    if (!result.isOpen()) {
      // before C runs: the result would have nowhere to go
      throw new ClosedException("alloc of " + result.type().witName() + " was closed");
    }
    checkShapes(args);
    if (type instanceof PrimitiveType p) {
      long bits = invoker.raw ? callList(args) : callFrameBits(args);
      result.store(p, bits);
      return;
    }
    checkOpen();
    FrameCall frame = invoker.frameCall();
    Scratch scratch = Scratch.current();
    long mark = scratch.mark();
    // An owned alloc takes the result straight from the linker; a foreign one by a checked copy.
    SegmentAllocator into = result.resultAllocator();
    try {
      Object out;
      try {
        out =
            frame.call(
                target, into == null ? scratch : into, scratch, captureIgnored(scratch), args);
      } catch (IllegalStateException e) {
        // the alloc was closed by another thread (its memory gone) while C ran
        throw into != null ? result.closed() : e;
      } catch (Throwable t) {
        throw Native.rethrow(t);
      } finally {
        Reference.reachabilityFence(this);
      }
      Callback.rethrowPending();
      if (into == null) {
        result.store((MemorySegment) out);
      }
    } finally {
      scratch.reset(mark);
    }
  }

  /** A capture area whose errno nobody reads, if the function captures it. */
  private MemorySegment captureIgnored(Scratch scratch) {
    return captures ? scratch.allocate(CAPTURE_SIZE, CAPTURE_ALIGNMENT) : MemorySegment.NULL;
  }

  /** The list path of a signature without structs or capture; shapes checked. */
  private long callList(List<? extends OutgoingValue> args) {
    ListCall list = invoker.listCall();
    // Kept shallow so that the JIT inlines down to the downcall.
    checkOpen();
    long bits;
    try {
      bits = list.call(target, args);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    } finally {
      Reference.reachabilityFence(this);
    }
    Callback.rethrowPending();
    return bits;
  }

  /** The frame path of a primitive or void result: its canonical bits; shapes checked. */
  private long callFrameBits(List<? extends OutgoingValue> args) {
    checkOpen();
    FrameCall frame = invoker.frameCall();
    Scratch scratch = Scratch.current();
    long mark = scratch.mark();
    try {
      MemorySegment capture = captureIgnored(scratch);
      Object out;
      try {
        out = frame.call(target, scratch, scratch, capture, args);
      } catch (Throwable t) {
        throw Native.rethrow(t);
      } finally {
        Reference.reachabilityFence(this);
      }
      Callback.rethrowPending();
      return out == null ? 0 : (Long) out;
    } finally {
      scratch.reset(mark);
    }
  }

  /**
   * Like {@link #call}, and returns {@code errno} as it was right after the C call. The function
   * must have been built with {@link CallOption#CAPTURE_ERRNO}.
   */
  public CallResult callCapturingErrno(List<? extends OutgoingValue> args) {
    if (!options.contains(CallOption.CAPTURE_ERRNO)) {
      throw new TypeMismatchException("the function was not built with CAPTURE_ERRNO");
    }
    int[] errno = new int[1];
    checkShapes(args);
    Optional<IncomingValue> value = callFramed(args, errno);
    return new CallResult(value, errno[0]);
  }

  /**
   * The fast path: arguments and result as canonical bits, one {@code invokeExact}. Checks arity
   * only. The result of a {@code void} function is 0.
   */
  public long invokeRaw(long[] args) {
    RawCall raw = invoker.rawCall;
    if (raw == null) {
      throw new TypeMismatchException(
          "invokeRaw needs a signature without structs and without errno capture: " + signature);
    }
    if (args.length != signature.params().size()) {
      throw arity(args.length);
    }
    checkOpen();
    long result;
    try {
      result = raw.call(target, args);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    } finally {
      Reference.reachabilityFence(this);
    }
    Callback.rethrowPending();
    return result;
  }

  /**
   * Arity and each argument's type; the message is built only for a mismatch. The field types of a
   * struct of primitives are left to the frame path, which checks them as it writes the struct
   * (before C is called).
   */
  private void checkShapes(List<? extends OutgoingValue> args) {
    FfiType[] types = params;
    if (args.size() != types.length) {
      throw arity(args.size());
    }
    for (int i = 0; i < types.length; i++) {
      OutgoingValue arg = args.get(i);
      if (!MemoryAccess.matchesForFrame(types[i], arg)) {
        MemoryAccess.checkShape(types[i], arg, "argument " + i); // throws, naming the mismatch
      }
    }
  }

  /**
   * Structs by value or errno capture: their bytes live in this thread's {@link Scratch} stack for
   * the call, and the result is copied out before the frame is released.
   */
  private Optional<IncomingValue> callFramed(
      List<? extends OutgoingValue> args, int @Nullable [] errno) {
    checkOpen();
    FrameCall frame = invoker.frameCall();
    Scratch scratch = Scratch.current();
    long mark = scratch.mark();
    try {
      MemorySegment capture =
          errno == null ? MemorySegment.NULL : scratch.allocate(CAPTURE_SIZE, CAPTURE_ALIGNMENT);
      Object result;
      try {
        result = frame.call(target, scratch, scratch, capture, args);
      } catch (Throwable t) {
        throw Native.rethrow(t);
      } finally {
        Reference.reachabilityFence(this);
      }
      Callback.rethrowPending();
      if (errno != null) {
        errno[0] = capture.get(JAVA_INT, ERRNO_OFFSET);
      }
      return switch (resultType) {
        case null -> Optional.empty();
        case PrimitiveType p -> Optional.of(new IncomingPrimitive(p, (Long) result, origin));
        case StructType st ->
            Optional.of(MemoryAccess.readStruct((MemorySegment) result, 0, st, origin));
      };
    } finally {
      scratch.reset(mark);
    }
  }

  private TypeMismatchException arity(int given) {
    return new TypeMismatchException(
        "expected " + signature.params().size() + " arguments " + signature + ", got " + given);
  }

  private void checkOpen() {
    if (closed) {
      throw new ClosedException("function " + signature + " was closed");
    }
  }

  /** Releases the library reference; later calls fail. Idempotent. */
  @Override
  public void close() {
    closed = true;
    if (reference != null) {
      reference.clean();
    }
  }

  @Override
  public String toString() {
    return "function" + signature + " @0x" + Long.toHexString(target.address());
  }
}
