package dev.wasidl.runtime;

import dev.wasidl.abi.Destructor;
import dev.wasidl.graal.GraalStore;
import dev.wasidl.types.ResourceType;
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

  private final Map<ResourceType, Destructor> destructors;

  Instance(
      String name,
      Map<String, Item> exports,
      GraalStore store,
      Map<ResourceType, Destructor> destructors) {
    this.name = name;
    this.exports = Map.copyOf(exports);
    this.store = store;
    this.destructors = Map.copyOf(destructors);
  }

  /**
   * Drops a resource the guest defines and the host owns: {@code rep} came out of an export as
   * {@code Val.Own(rep)} of {@code type} (the export's {@code own<T>} result type names it). Runs
   * the guest's destructor, if the type has one. Each owned resource is dropped once.
   *
   * @throws IllegalArgumentException if no component of this instance defines {@code type}
   * @throws dev.wasidl.abi.Trap if the destructor traps
   */
  public void resourceDrop(ResourceType type, int rep) {
    Destructor destructor = destructors.get(type);
    if (destructor == null) {
      throw new IllegalArgumentException(type + " is not a resource type this instance defines");
    }
    destructor.destroy(rep);
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
