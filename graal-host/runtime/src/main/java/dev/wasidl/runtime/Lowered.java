package dev.wasidl.runtime;

import dev.wasidl.abi.BorrowScope;
import dev.wasidl.abi.CanonicalAbi;
import dev.wasidl.abi.CoreValueIter;
import dev.wasidl.abi.FlatFuncType;
import dev.wasidl.abi.FlatType;
import dev.wasidl.abi.HostCall;
import dev.wasidl.abi.LiftLowerContext;
import dev.wasidl.component.CoreType;
import dev.wasidl.ffm.LongBits;
import dev.wasidl.graal.HostFunction;
import dev.wasidl.graal.HostFunctionClass;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.Val;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code canon lower}: a component function seen as a core function that the instance imports. A
 * call lifts the core arguments out of the instance, calls the function and lowers its result back
 * (through the out-pointer when it does not fit one core value).
 */
final class Lowered {
  private static final MethodHandle INVOKE;

  static {
    try {
      INVOKE =
          MethodHandles.lookup()
              .findVirtual(
                  Lowered.class, "invoke", MethodType.methodType(long.class, long[].class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // per core signature, the class of the interpretive lowerings: their data is the Lowered
  private static final ConcurrentHashMap<CoreType.Func, HostFunctionClass> INTERPRETED =
      new ConcurrentHashMap<>();

  private final ComponentFunc callee;
  private final InstanceState instance;
  private final LiftLowerContext cx;
  private @Nullable ValPlan plan; // at the first call

  private Lowered(ComponentFunc callee, LiftLowerContext cx, InstanceState instance) {
    this.callee = callee;
    this.instance = instance;
    this.cx = cx;
  }

  /**
   * The core function an instance imports for {@code callee}: its compiled lowering when it is a
   * host function that has one, else the interpretive path through {@code Val}s.
   */
  static HostFunction of(ComponentFunc callee, CanonOpts opts, InstanceState instance) {
    FlatFuncType flat = CanonicalAbi.flattenFuncType(callee.type(), FlatFuncType.Context.LOWER);
    boolean defer = storesThroughOutPointer(callee, flat, opts);
    Bound b = bound(callee, flat, opts, instance, defer);
    return defer
        ? b.cls().bindDeferringStores(b.data(), opts.memory().deferredStores())
        : b.cls().bind(b.data());
  }

  /** A lowering: the class made once per function or signature, and this instance's data. */
  private record Bound(HostFunctionClass cls, Object data) {}

  /**
   * Whether a call stores its result through an out-pointer: then its stores are queued and the
   * instance calls it through a store adapter that makes them in wasm ({@code DeferredStores}).
   */
  private static boolean storesThroughOutPointer(
      ComponentFunc callee, FlatFuncType flat, CanonOpts opts) {
    return opts.memory() != null && callee.type().result().isPresent() && flat.results().isEmpty();
  }

  /**
   * The handle {@link #of} calls, typed as the flat core signature; with {@code deferStores} its
   * stores wait in the memory's {@code DeferredStores} (tests flush them, a store adapter drains
   * them).
   */
  static MethodHandle handle(
      ComponentFunc callee, CanonOpts opts, InstanceState instance, boolean deferStores) {
    FlatFuncType flat = CanonicalAbi.flattenFuncType(callee.type(), FlatFuncType.Context.LOWER);
    Bound b = bound(callee, flat, opts, instance, deferStores);
    return b.cls().generic().bindTo(b.data());
  }

  private static Bound bound(
      ComponentFunc callee,
      FlatFuncType flat,
      CanonOpts opts,
      InstanceState instance,
      boolean deferStores) {
    LiftLowerContext cx = deferStores ? opts.deferringContext(instance) : opts.context(instance);
    if (callee instanceof HostFuncItem h && h.lowering() != null) {
      // HostCall's operations take no type facts: the generated code holds its layouts
      HostCall call = new HostCall(cx, () -> instance.checkMayLeave(h), instance.data(), h.type());
      return new Bound(h.lowering(), call);
    }
    return new Bound(
        INTERPRETED.computeIfAbsent(
            CoreValues.coreType(flat.params(), flat.results()), t -> interpreted(t, flat)),
        new Lowered(callee, cx, instance));
  }

  private static HostFunctionClass interpreted(CoreType.Func type, FlatFuncType flat) {
    List<FlatType> params = flat.params();
    MethodHandle mh = INVOKE.asCollector(long[].class, params.size());
    for (int i = 0; i < params.size(); i++) {
      mh = MethodHandles.filterArguments(mh, i + 1, Conversions.toFlat(params.get(i)));
    }
    mh =
        flat.results().isEmpty()
            ? mh.asType(mh.type().changeReturnType(void.class))
            : MethodHandles.filterReturnValue(mh, Conversions.fromFlat(flat.results().getFirst()));
    return HostFunctionClass.of(type, mh);
  }

  /**
   * The generated method of {@code lowering} for a function of {@code type}, found once when the
   * linker defines it and bound to its host, as the class of host functions each instance then
   * binds to its {@link HostCall}.
   *
   * @throws IllegalArgumentException if the method is missing or not of the type's flat signature
   */
  static HostFunctionClass resolve(String name, FuncType type, HostLowering lowering) {
    FlatFuncType flat = CanonicalAbi.flattenFuncType(type, FlatFuncType.Context.LOWER);
    CoreType.Func core = CoreValues.coreType(flat.params(), flat.results());
    MethodType generated =
        HostFunction.methodType(core)
            .insertParameterTypes(0, java.util.function.Function.class, HostCall.class);
    try {
      MethodHandle mh =
          lowering
              .lookup()
              .findStatic(lowering.lookup().lookupClass(), lowering.method(), generated);
      return HostFunctionClass.of(core, MethodHandles.insertArguments(mh, 0, lowering.host()));
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(
          "the compiled lowering of "
              + name
              + " is not "
              + lowering.lookup().lookupClass().getName()
              + "."
              + lowering.method()
              + generated
              + ": regenerate the bindings",
          e);
    }
  }

  private ValPlan plan() {
    ValPlan p = plan;
    if (p == null) {
      p = ValPlan.of(callee.type(), cx);
      plan = p; // a race makes two equal plans
    }
    return p;
  }

  @SuppressWarnings("unused") // through INVOKE
  private long invoke(long[] args) {
    instance.checkMayLeave(callee);
    BorrowScope scope = BorrowScope.open();
    ValPlan p = plan();
    LiftLowerContext cx = p.context().withBorrowScope(scope);
    CoreValueIter values = CoreValueIter.of(args);
    List<Val> lifted =
        CanonicalAbi.liftFlatValues(cx, CanonicalAbi.MAX_FLAT_PARAMS, values, p.paramTypes());
    Optional<Val> result = callee.call(lifted);
    long[] out =
        CanonicalAbi.lowerFlatValues(
            cx,
            CanonicalAbi.MAX_FLAT_RESULTS,
            result.isPresent() ? List.of(result.get()) : List.of(),
            p.resultTypes(),
            values);
    scope.close();
    return out.length == 0 ? 0 : out[0];
  }

  /** Method handles between core Java types and flat {@code long}s (bridge-ffm's, shared). */
  static final class Conversions {
    private Conversions() {}

    static MethodHandle toFlat(FlatType t) {
      return LongBits.toLong(carrier(t), false);
    }

    static MethodHandle fromFlat(FlatType t) {
      return LongBits.fromLong(carrier(t));
    }

    private static Class<?> carrier(FlatType t) {
      return switch (t) {
        case I32 -> int.class;
        case I64 -> long.class;
        case F32 -> float.class;
        case F64 -> double.class;
      };
    }
  }
}
