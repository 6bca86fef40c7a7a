package dev.wasidl.runtime;

import dev.wasidl.types.FuncType;
import dev.wasidl.types.ResourceType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The definitions of one imported interface, e.g. {@code wasi:cli/stdout@0.2.6}. */
public final class LinkerInstance {
  private final String name;
  private final Linker linker;
  private final Map<String, HostFuncDef> funcs = new LinkedHashMap<>();
  private final Map<String, HostResource> resources = new LinkedHashMap<>();
  private @Nullable HostAdapter adapter;

  /** A host resource type and what its drop runs. */
  record HostResource(ResourceType type, HostDrop drop) {}

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
    return define(name, new HostFuncDef(func, Optional.empty()));
  }

  /**
   * Defines function {@code name} with its WIT type: instantiating a component that imports it at
   * another type fails with both types named, instead of trapping at the first call.
   */
  public LinkerInstance func(String name, FuncType type, HostFunc func) {
    return define(name, new HostFuncDef(func, Optional.of(type)));
  }

  /**
   * Defines function {@code name} with its WIT type and its compiled lowering (what generated
   * bindings define): a component importing it calls {@code lowering}'s method directly.
   *
   * @throws IllegalArgumentException if that method is missing or not of {@code type}'s flat core
   *     signature (bindings generated for another WIT)
   */
  public LinkerInstance func(String name, FuncType type, HostFunc func, HostLowering lowering) {
    return define(
        name, new HostFuncDef(func, Optional.of(type), Lowered.resolve(name, type, lowering)));
  }

  private LinkerInstance define(String name, HostFuncDef def) {
    if (funcs.containsKey(name) && !linker.shadowing()) {
      throw new IllegalArgumentException(this.name + " already defines function " + name);
    }
    funcs.put(name, def);
    return this;
  }

  /**
   * Defines resource type {@code name} as the host's {@code type}; {@code drop} runs with the
   * dropping instance's context when a guest drops its last owning handle.
   */
  public LinkerInstance resource(String name, ResourceType type, HostDrop drop) {
    if (type.definer() != ResourceType.Definer.HOST) {
      throw new IllegalArgumentException(type + " is not a host resource type");
    }
    if (resources.containsKey(name) && !linker.shadowing()) {
      throw new IllegalArgumentException(this.name + " already defines resource " + name);
    }
    resources.put(name, new HostResource(type, drop));
    return this;
  }

  /**
   * Serves some of this interface's functions and resource drops through {@code adapter}, inside
   * each calling instance (see {@link HostAdapter}); the others stay the host's.
   */
  public LinkerInstance adapter(HostAdapter adapter) {
    this.adapter = java.util.Objects.requireNonNull(adapter, "adapter");
    return this;
  }

  /** The adapter serving some of this interface's functions, if any. */
  @Nullable HostAdapter adapter() {
    return adapter;
  }

  /** A copy with the same definitions, belonging to {@code owner} (a linker's snapshot). */
  LinkerInstance copyFor(Linker owner) {
    LinkerInstance c = new LinkerInstance(name, owner);
    c.funcs.putAll(funcs);
    c.resources.putAll(resources);
    c.adapter = adapter;
    return c;
  }

  Optional<HostFuncDef> func(String name) {
    return Optional.ofNullable(funcs.get(name));
  }

  Optional<HostResource> resource(String name) {
    return Optional.ofNullable(resources.get(name));
  }

  @Override
  public String toString() {
    return name;
  }
}
