package dev.wasidl.ffm;

import dev.wasidl.ffm.internal.Native;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Java function that C can call through a function pointer (an upcall stub), alive as long as the
 * arena it was made in. Pass it with {@link #pointer()}.
 *
 * <p>A handler that throws does not unwind through C (that would end the JVM): the callback returns
 * zero to C, and the exception is rethrown as a {@link CallbackException} when the Java-initiated C
 * call that led to it returns.
 */
public final class Callback {
  private static final ThreadLocal<Throwable> PENDING = new ThreadLocal<>();
  private static final AtomicInteger PENDING_COUNT = new AtomicInteger();
  private static final MethodHandle DISPATCH;

  static {
    try {
      DISPATCH =
          MethodHandles.lookup()
              .findVirtual(
                  Dispatcher.class,
                  "dispatch",
                  MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** What C's call runs: receives the arguments, returns the result (empty for {@code void}). */
  @FunctionalInterface
  public interface Handler {
    /** Handles one call from C. */
    Optional<OutgoingValue> apply(List<IncomingValue> args);
  }

  private final Signature signature;
  private final MemorySegment stub;

  private Callback(Signature signature, MemorySegment stub) {
    this.signature = signature;
    this.stub = stub;
  }

  /**
   * An upcall stub for {@code signature} running {@code handler}, freed when {@code arena} closes.
   */
  public static Callback of(Signature signature, Handler handler, Arena arena) {
    if (signature.firstVariadic().isPresent()) {
      throw new TypeMismatchException("a callback cannot be variadic: " + signature);
    }
    FunctionDescriptor descriptor = signature.descriptor();
    int n = signature.params().size();
    MethodHandle mh =
        DISPATCH.bindTo(new Dispatcher(signature, handler)).asCollector(Object[].class, n);
    // Bits in, bits out, then the C carriers on both sides.
    MethodType bits = MethodType.methodType(resultCarrier(signature));
    for (FfiType p : signature.params()) {
      bits = bits.appendParameterTypes(p instanceof StructType ? MemorySegment.class : long.class);
    }
    mh = mh.asType(bits);
    for (int i = 0; i < n; i++) {
      if (signature.params().get(i) instanceof PrimitiveType p) {
        mh = MethodHandles.filterArguments(mh, i, Invoker.Conversions.toBits(p));
      }
    }
    if (signature.result().orElse(null) instanceof PrimitiveType p) {
      mh = MethodHandles.filterReturnValue(mh, Invoker.Conversions.fromBits(p, p));
    }
    return new Callback(signature, Native.upcallStub(mh, descriptor, arena));
  }

  private static Class<?> resultCarrier(Signature signature) {
    return switch (signature.result().orElse(null)) {
      case null -> void.class;
      case PrimitiveType p -> long.class;
      case StructType s -> MemorySegment.class;
    };
  }

  /** The signature C calls it with. */
  public Signature signature() {
    return signature;
  }

  /** The function pointer. */
  public MemorySegment address() {
    return stub;
  }

  /** The function pointer as an argument value. */
  public OutgoingPrimitive pointer() {
    return OutgoingPrimitive.ofAddress(stub);
  }

  /** Throws the exception a callback on this thread recorded, if any (cheap when none). */
  static void rethrowPending() {
    if (PENDING_COUNT.get() != 0) {
      Throwable t = PENDING.get();
      if (t != null) {
        PENDING.remove();
        PENDING_COUNT.decrementAndGet();
        throw new CallbackException("a callback called from C threw: " + t, t);
      }
    }
  }

  private static void recordPending(Throwable t) {
    Throwable first = PENDING.get();
    if (first == null) {
      PENDING.set(t);
      PENDING_COUNT.incrementAndGet();
    } else if (!first.equals(t)) {
      first.addSuppressed(t);
    }
  }

  private record Dispatcher(Signature signature, Handler handler) {
    @SuppressWarnings("unused") // called through DISPATCH
    Object dispatch(Object[] raw) {
      try {
        List<IncomingValue> args = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
          args.add(
              switch (signature.params().get(i)) {
                case PrimitiveType p -> IncomingPrimitive.ofBits(p, (Long) raw[i]);
                case StructType st -> MemoryAccess.read((MemorySegment) raw[i], 0, st, null);
              });
        }
        Optional<OutgoingValue> result = handler.apply(args);
        return switch (signature.result().orElse(null)) {
          case null -> {
            if (result.isPresent()) {
              throw new TypeMismatchException("a void callback returned " + result.get());
            }
            yield null;
          }
          case PrimitiveType p -> {
            OutgoingValue v =
                result.orElseThrow(
                    () -> new TypeMismatchException("the callback must return " + p.witName()));
            MemoryAccess.checkShape(p, v, "callback result");
            yield ((OutgoingPrimitive) v).bits();
          }
          case StructType st -> {
            OutgoingValue v =
                result.orElseThrow(
                    () -> new TypeMismatchException("the callback must return " + st.witName()));
            MemoryAccess.checkShape(st, v, "callback result");
            MemorySegment s = Arena.ofAuto().allocate(st.layout());
            MemoryAccess.write(s, 0, st, v);
            yield s;
          }
        };
      } catch (Throwable t) {
        recordPending(t);
        return switch (signature.result().orElse(null)) {
          case null -> null;
          case PrimitiveType p -> 0L;
          case StructType st -> Arena.ofAuto().allocate(st.layout());
        };
      }
    }
  }
}
