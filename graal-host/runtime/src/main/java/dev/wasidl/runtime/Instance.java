package dev.wasidl.runtime;

import dev.wasidl.abi.Destructor;
import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalStore;
import dev.wasidl.types.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
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
  private final List<InstanceState> states;

  Instance(
      String name,
      Map<String, Item> exports,
      GraalStore store,
      Map<ResourceType, Destructor> destructors,
      List<InstanceState> states) {
    this.name = name;
    this.exports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exports));
    this.store = store;
    this.destructors = Map.copyOf(destructors);
    this.states = List.copyOf(states);
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
    if (isClosed()) {
      throw new Trap("cannot drop a resource of " + this + ": it was closed");
    }
    destructor.destroy(rep);
  }

  /** An export as the runtime sees it, for {@link Linker#plug}. */
  Item export(String name) {
    return exports.get(name);
  }

  /** The name of the component it instantiates. */
  public String name() {
    return name;
  }

  /** Whether {@link #close()} ran. */
  public boolean isClosed() {
    return states.getFirst().isClosed();
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

  /**
   * Frees the instance's store. The resources of plugged instances ({@link Linker#plug}) it still
   * owns are dropped first (their destructors run in the plugins, which stay open). Instances it
   * was plugged into stay usable: their calls into it trap (the instance was closed), as do drops
   * of its resources they hold.
   */
  @Override
  public void close() {
    if (isClosed()) {
      return;
    }
    states.forEach(InstanceState::releaseForeign);
    states.forEach(InstanceState::close);
    store.close();
  }

  @Override
  public String toString() {
    return "instance of " + name;
  }
}
