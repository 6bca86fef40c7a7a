package dev.wasidl.graal;

import dev.wasidl.abi.Trap;
import dev.wasidl.component.CoreType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jspecify.annotations.Nullable;

/**
 * A Java function a core module imports, typed by its core signature.
 *
 * <p>{@link #of} is the fast road: it spins (once per signature) a {@code @FunctionalInterface}
 * whose one method carries {@code @HostAccess.Export}, and per function a hidden class implementing
 * it that calls the target handle held as a constant, so the Graal compiler inlines the target into
 * the compiled wasm caller (a few nanoseconds a call). Spinning a class costs tens of microseconds:
 * functions made per instance come from a {@link HostFunctionClass} made once, which differ only in
 * the data they pass their handle. {@link #ofProxy} is the slow road for cold paths: polyglot boxes
 * every argument into a {@code Value[]} (some 70-100 ns a call).
 *
 * <p>A host function may throw {@link Trap} to abort the wasm call: the wasm caller's caller gets
 * that trap back. Other exceptions abort it too and come back as a {@link Trap} caused by them.
 * Host functions hold no store: one may be imported by any number of instances and stores.
 */
public final class HostFunction implements Extern {
  private final CoreType.Func type;
  private final Object hostObject;
  private final @Nullable DeferredStores drainedBy;

  HostFunction(CoreType.Func type, Object hostObject, @Nullable DeferredStores drainedBy) {
    this.type = type;
    this.hostObject = hostObject;
    this.drainedBy = drainedBy;
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
    checkHandle(type, target);
    return ownClass(type, target).bind(null);
  }

  /**
   * A host function like {@link #of} whose memory stores go through {@code stores}: every instance
   * importing it calls it through a {@link StoreAdapters store adapter}, which makes the queued
   * stores in wasm when it returns. If it throws, the queue is flushed first, so a trap leaves
   * memory as the direct stores would have. Unlike other host functions it belongs to the store of
   * the queue's memory: importing it into another store fails with {@link
   * IllegalArgumentException}.
   *
   * @throws IllegalArgumentException as {@link #of}
   */
  public static HostFunction deferringStores(
      CoreType.Func type, MethodHandle target, DeferredStores stores) {
    checkHandle(type, target);
    return ownClass(type, target).bindDeferringStores(null, stores);
  }

  // a class of its own for target, so that it is the class's constant; the data goes unused
  private static HostFunctionClass ownClass(CoreType.Func type, MethodHandle target) {
    return HostFunctionClass.of(type, MethodHandles.dropArguments(target, 0, Object.class));
  }

  private static void checkHandle(CoreType.Func type, MethodHandle target) {
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
    return new HostFunction(type, target, null);
  }

  /**
   * A host function calling {@code hostObject}, an instance of a public class implementing a
   * {@code @FunctionalInterface} whose method carries {@code @HostAccess.Export} and matches {@code
   * type}: for the runtime's own fixed imports, whose one class serves every store.
   */
  static HostFunction ofHostObject(CoreType.Func type, Object hostObject) {
    return new HostFunction(type, hostObject, null);
  }

  public CoreType.Func type() {
    return type;
  }

  Object hostObject() {
    return hostObject;
  }

  /** The queue an adapter must drain after each call, or null if it stores directly. */
  @Nullable DeferredStores drainedBy() {
    return drainedBy;
  }

  @Override
  public String toString() {
    return "HostFunction" + type.params() + "->" + type.results();
  }
}
