package dev.wasidl.graal;

import dev.wasidl.component.CoreType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.jspecify.annotations.Nullable;

/**
 * One host function as every instance imports it: a handle that takes the instance's own data
 * first, spun into a class once, then {@link #bind bound} to each instance's data at the cost of an
 * allocation. {@link HostFunction#of} spins a class per function it makes (some 20-40 microseconds,
 * and a class GraalWasm's call sites see as new); a component instance imports dozens of host
 * functions, so instantiation makes them from classes made once per definition.
 *
 * <p>The handle stays a class constant the compiler inlines into the wasm caller. The data is a
 * final field of the function object marked with Truffle's {@code CompilationFinal}: a compiled
 * caller that knows the object (one instance calls it) folds it as a constant, as it folded the
 * handle bound to it that a class per function held; a caller that sees several objects loads it.
 * The class is one for all of them, so their callers' call sites stay monomorphic.
 */
public final class HostFunctionClass {
  private static final MethodHandle FLUSHED;
  private static final MethodHandle DATA;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      FLUSHED =
          lookup.findStatic(
              HostFunctionClass.class,
              "flushed",
              MethodType.methodType(Throwable.class, Throwable.class, Deferring.class));
      DATA = lookup.findGetter(Deferring.class, "data", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final CoreType.Func type;
  private final MethodHandle generic;
  // the constructors (Object data) -> Object of the two classes, spun at their first bind
  private @Nullable MethodHandle direct;
  private @Nullable MethodHandle deferring;

  private HostFunctionClass(CoreType.Func type, MethodHandle generic) {
    this.type = type;
    this.generic = generic;
  }

  /**
   * The class of host functions of core signature {@code type} that call {@code generic} with their
   * data first: its type is {@code (D, p1 .. pn) -> r} for any reference type {@code D} and the
   * signature's Java form {@code (p1 .. pn) -> r} ({@link HostFunction#methodType}). Nothing is
   * spun until the first {@link #bind}.
   *
   * @throws IllegalArgumentException if the handle's type is not of that form
   */
  public static HostFunctionClass of(CoreType.Func type, MethodHandle generic) {
    MethodType expected = HostFunctionClasses.methodType(type);
    MethodType got = generic.type();
    if (got.parameterCount() == 0
        || got.parameterType(0).isPrimitive()
        || !got.dropParameterTypes(0, 1).equals(expected)) {
      throw new IllegalArgumentException(
          "a host function class of "
              + type
              + " needs a handle of "
              + expected
              + " with a reference parameter first, not "
              + got);
    }
    return new HostFunctionClass(type, generic);
  }

  public CoreType.Func type() {
    return type;
  }

  /** The handle, taking the data first. */
  public MethodHandle generic() {
    return generic;
  }

  /** A host function calling the handle with {@code data} first (spinning the class if new). */
  public HostFunction bind(@Nullable Object data) {
    return new HostFunction(type, construct(direct(), data), null);
  }

  /**
   * A host function calling the handle with {@code data} first whose memory stores go through
   * {@code stores}, as {@link HostFunction#deferringStores} makes them.
   */
  public HostFunction bindDeferringStores(@Nullable Object data, DeferredStores stores) {
    return new HostFunction(type, construct(deferring(), new Deferring(data, stores)), stores);
  }

  private synchronized MethodHandle direct() {
    MethodHandle c = direct;
    if (c == null) {
      c = HostFunctionClasses.define(generic);
      direct = c;
    }
    return c;
  }

  private synchronized MethodHandle deferring() {
    MethodHandle c = deferring;
    if (c == null) {
      c = HostFunctionClasses.define(flushing());
      deferring = c;
    }
    return c;
  }

  // (Deferring d, params) -> generic(d.data, params), flushing d.stores before a throw leaves
  private MethodHandle flushing() {
    MethodHandle erased = generic.asType(generic.type().changeParameterType(0, Object.class));
    MethodHandle target = MethodHandles.filterArguments(erased, 0, DATA);
    MethodType type = target.type();
    MethodHandle rethrow =
        MethodHandles.collectArguments(
            MethodHandles.throwException(type.returnType(), Throwable.class), 0, FLUSHED);
    MethodHandle handler =
        MethodHandles.dropArguments(rethrow, 2, type.dropParameterTypes(0, 1).parameterList());
    return MethodHandles.catchException(target, Throwable.class, handler);
  }

  private static Object construct(MethodHandle constructor, @Nullable Object data) {
    try {
      return constructor.invoke(data);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot make a host function", e);
    }
  }

  @SuppressWarnings("unused") // through FLUSHED
  private static Throwable flushed(Throwable t, Deferring d) {
    d.stores().flush();
    return t;
  }

  private record Deferring(@Nullable Object data, DeferredStores stores) {}

  @Override
  public String toString() {
    return "HostFunctionClass" + type.params() + "->" + type.results();
  }
}
