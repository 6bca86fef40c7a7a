package dev.wasidl.runtime;

import dev.wasidl.graal.GraalStore;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An instantiated component: its exports by name. Closing it frees its memories and every core
 * instance behind it.
 */
public final class Instance implements AutoCloseable {
  private final String name;
  private final Map<String, Item> exports;
  private final GraalStore store;

  Instance(String name, Map<String, Item> exports, GraalStore store) {
    this.name = name;
    this.exports = Map.copyOf(exports);
    this.store = store;
  }

  /** The export names. */
  public Set<String> exports() {
    return exports.keySet();
  }

  /** An exported function at the root, e.g. {@code run}. */
  public Optional<Func> func(String name) {
    return exports.get(name) instanceof Item.Func f
        ? Optional.of(new Func(name, f.func()))
        : Optional.empty();
  }

  /** A function of an exported interface, e.g. ({@code wasi:cli/run@0.2.6}, {@code run}). */
  public Optional<Func> func(String instance, String name) {
    return exports.get(instance) instanceof Item.Instance i
            && i.exports().get(name) instanceof Item.Func f
        ? Optional.of(new Func(instance + "#" + name, f.func()))
        : Optional.empty();
  }

  /** The polyglot store (one GraalWasm context) the instance lives in. */
  public GraalStore store() {
    return store;
  }

  @Override
  public void close() {
    store.close();
  }

  @Override
  public String toString() {
    return "instance of " + name;
  }
}
