package dev.wasidl.runtime;

import dev.wasidl.abi.Destructor;
import dev.wasidl.types.ResourceType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The definitions of one imported interface, e.g. {@code wasi:cli/stdout@0.2.6}. */
public final class LinkerInstance {
  private final String name;
  private final Linker linker;
  private final Map<String, HostFunc> funcs = new LinkedHashMap<>();
  private final Map<String, Item.Resource> resources = new LinkedHashMap<>();

  LinkerInstance(String name, Linker linker) {
    this.name = name;
    this.linker = linker;
  }

  public String name() {
    return name;
  }

  /**
   * Defines function {@code name} ({@code [method]r.m}, {@code [static]r.f}, {@code [constructor]r}
   * for resources).
   */
  public LinkerInstance func(String name, HostFunc func) {
    if (funcs.containsKey(name) && !linker.shadowing()) {
      throw new IllegalArgumentException(this.name + " already defines function " + name);
    }
    funcs.put(name, func);
    return this;
  }

  /**
   * Defines resource type {@code name} as the host's {@code type}; {@code drop} runs when a guest
   * drops its last owning handle (with the representation the host gave out).
   */
  public LinkerInstance resource(String name, ResourceType type, Destructor drop) {
    if (type.definer() != ResourceType.Definer.HOST) {
      throw new IllegalArgumentException(type + " is not a host resource type");
    }
    if (resources.containsKey(name) && !linker.shadowing()) {
      throw new IllegalArgumentException(this.name + " already defines resource " + name);
    }
    resources.put(name, new Item.Resource(type, drop));
    return this;
  }

  Optional<HostFunc> func(String name) {
    return Optional.ofNullable(funcs.get(name));
  }

  Optional<Item.Resource> resource(String name) {
    return Optional.ofNullable(resources.get(name));
  }

  @Override
  public String toString() {
    return name;
  }
}
