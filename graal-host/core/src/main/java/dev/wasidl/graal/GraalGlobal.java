package dev.wasidl.graal;

import dev.wasidl.abi.Trap;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/** A global exported by a core instance: readable, writable if mutable, importable. */
public final class GraalGlobal implements Extern {
  static final String VALUE = "value";

  private final GraalStore store;
  private final String name;
  private final Value value;

  GraalGlobal(GraalStore store, String name, Value value) {
    this.store = store;
    this.name = name;
    this.value = value;
  }

  public String name() {
    return name;
  }

  /** The current value ({@link Value#asInt()} for an i32 global, and so on). */
  public Value get() {
    try {
      return value.getMember(VALUE);
    } catch (PolyglotException e) {
      throw Traps.of(e);
    }
  }

  /**
   * Sets a mutable global to a Java number of its type.
   *
   * @throws Trap if the global is immutable or the number is of another type
   */
  public void set(Number newValue) {
    try {
      value.putMember(VALUE, newValue);
    } catch (PolyglotException e) {
      throw Traps.of(e);
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      throw new Trap("cannot set global " + name + " to " + newValue + ": " + e.getMessage(), e);
    }
  }

  GraalStore store() {
    return store;
  }

  Value value() {
    return value;
  }

  @Override
  public String toString() {
    return "GraalGlobal[" + name + "]";
  }
}
