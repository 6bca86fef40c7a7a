package dev.wasidl.runtime;

import dev.wasidl.component.ComponentDecoder;
import dev.wasidl.component.ComponentDef;
import dev.wasidl.component.CoreModule;
import dev.wasidl.graal.GraalModule;
import java.util.IdentityHashMap;

/**
 * A decoded, validated component whose core modules are parsed once: immutable and shareable, the
 * unit that {@link Linker#instantiate} instantiates any number of times.
 */
public final class Component {
  private final ComponentDef model;
  private final IdentityHashMap<CoreModule, GraalModule> modules = new IdentityHashMap<>();
  private final String name;

  private Component(String name, ComponentDef model) {
    this.name = name;
    this.model = model;
  }

  /** Decodes and validates a component binary. */
  public static Component of(String name, byte[] bytes) {
    return new Component(name, ComponentDecoder.decode(bytes));
  }

  public String name() {
    return name;
  }

  /** The decoded model (imports, exports, types). */
  public ComponentDef model() {
    return model;
  }

  /** The parsed form of one of its core modules (created once, shared by every instance). */
  synchronized GraalModule module(CoreModule core) {
    return modules.computeIfAbsent(
        core, m -> GraalModule.of(name + "#core" + modules.size(), m.bytes()));
  }
}
