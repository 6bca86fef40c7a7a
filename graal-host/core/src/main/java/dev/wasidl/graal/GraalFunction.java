package dev.wasidl.graal;

import dev.wasidl.abi.Trap;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/** A function exported by a core instance: callable from Java, importable by other instances. */
public final class GraalFunction implements Extern {
  private final GraalStore store;
  private final String name;
  private final Value value;

  GraalFunction(GraalStore store, String name, Value value) {
    this.store = store;
    this.name = name;
    this.value = value;
  }

  /** {@code instance.export}, for messages. */
  public String name() {
    return name;
  }

  /**
   * Calls the function with Java numbers ({@code int} for i32, {@code long} for i64, {@code float},
   * {@code double}) and returns its result ({@link Value#asInt()} and so on; null-like for none).
   *
   * @throws Trap if wasm traps or a host function it calls fails; a host function's own trap is
   *     rethrown as is
   */
  public Value call(Object... args) {
    try {
      return value.execute(args);
    } catch (PolyglotException e) {
      throw store.trap(e);
    }
  }

  /** Calls a function returning one i32. */
  public int callInt(Object... args) {
    return call(args).asInt();
  }

  /** Calls a function returning one i64. */
  public long callLong(Object... args) {
    return call(args).asLong();
  }

  GraalStore store() {
    return store;
  }

  Value value() {
    return value;
  }

  @Override
  public String toString() {
    return "GraalFunction[" + name + "]";
  }
}
