package dev.wasidl.runtime;

import org.jspecify.annotations.Nullable;

/**
 * A component linked against a linker's definitions, to be instantiated any number of times and
 * from any thread (wasmtime's {@code InstancePre}). {@link Linker#instantiatePre} checks the
 * component's imports once, when it is made, so a host finds a missing or mistyped import when it
 * starts rather than at its first request; and it keeps the definitions as they were then, so
 * defining more in the linker afterwards changes none of its instances.
 *
 * <p>Each instance is what {@link Linker#instantiate} makes: a store, memories, handle tables and
 * data of its own. What instances share is what they share anyway: the decoded component, its core
 * modules parsed once per engine, the store adapters' modules, and the classes of their host
 * functions (spun once per definition or signature; an instance binds its own data to them).
 */
public final class InstancePre {
  private final Linker linker;
  private final Component component;

  InstancePre(Linker linker, Component component) {
    this.linker = linker;
    this.component = component;
  }

  /** The component this instantiates. */
  public Component component() {
    return component;
  }

  /** A new instance, without data for host functions. */
  public Instance instantiate() {
    return Instantiator.instantiate(linker, component, null);
  }

  /** A new instance, attaching {@code data} for its host functions to reach. */
  public Instance instantiate(@Nullable Object data) {
    return Instantiator.instantiate(linker, component, data);
  }

  @Override
  public String toString() {
    return "InstancePre(" + component.name() + ")";
  }
}
