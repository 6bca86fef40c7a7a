package dev.wasidl.graal;

import dev.wasidl.abi.Trap;
import dev.wasidl.component.CoreType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * A Java function a core module imports, typed by its core signature.
 *
 * <p>{@link #of} is the fast road: it spins (once per signature) a {@code @FunctionalInterface}
 * whose one method carries {@code @HostAccess.Export}, and per function a hidden class implementing
 * it that calls the target handle held as a constant, so the Graal compiler inlines the target into
 * the compiled wasm caller (a few nanoseconds a call). {@link #ofProxy} is the slow road for cold
 * paths: polyglot boxes every argument into a {@code Value[]} (some 70-100 ns a call).
 *
 * <p>A host function may throw {@link Trap} to abort the wasm call: the wasm caller's caller gets
 * that trap back. Other exceptions abort it too and come back as a {@link Trap} caused by them.
 * Host functions hold no store: one may be imported by any number of instances and stores.
 */
public final class HostFunction implements Extern {
  private final CoreType.Func type;
  private final Object hostObject;

  private HostFunction(CoreType.Func type, Object hostObject) {
    this.type = type;
    this.hostObject = hostObject;
  }

  /**
   * A host function calling {@code target}, whose type must be the signature's Java form exactly:
   * i32 {@code int}, i64 {@code long}, f32 {@code float}, f64 {@code double}, no result {@code
   * void} (at most one result).
   *
   * @throws IllegalArgumentException if the handle's type differs, or the signature has a type
   *     other than i32, i64, f32, f64 or more than one result
   */
  public static HostFunction of(CoreType.Func type, MethodHandle target) {
    MethodType expected = HostFunctionClasses.methodType(type);
    if (!target.type().equals(expected)) {
      throw new IllegalArgumentException(
          "a host function of "
              + type
              + " needs a handle of "
              + expected
              + ", not "
              + target.type());
    }
    return new HostFunction(type, HostFunctionClasses.instantiate(target));
  }

  /**
   * The Java method type a host function of {@code type} takes: i32 {@code int}, i64 {@code long},
   * f32 {@code float}, f64 {@code double}, no result {@code void}.
   *
   * @throws IllegalArgumentException as {@link #of}
   */
  public static MethodType methodType(CoreType.Func type) {
    return HostFunctionClasses.methodType(type);
  }

  /** A host function called through polyglot's {@link ProxyExecutable}: for cold paths only. */
  public static HostFunction ofProxy(CoreType.Func type, ProxyExecutable target) {
    return new HostFunction(type, target);
  }

  /**
   * A host function calling {@code hostObject}, an instance of a public class implementing a
   * {@code @FunctionalInterface} whose method carries {@code @HostAccess.Export} and matches {@code
   * type}: for the runtime's own fixed imports, whose one class serves every store.
   */
  static HostFunction ofHostObject(CoreType.Func type, Object hostObject) {
    return new HostFunction(type, hostObject);
  }

  public CoreType.Func type() {
    return type;
  }

  Object hostObject() {
    return hostObject;
  }

  @Override
  public String toString() {
    return "HostFunction" + type.params() + "->" + type.results();
  }
}
