package dev.wasidl.graal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a core module is instantiated with: two-level names (module, name) bound to {@link Extern}s.
 * Immutable; made by {@link #builder()}.
 */
public final class Imports {
  private static final Imports NONE = new Imports(Map.of());

  private final Map<String, Map<String, Extern>> modules;

  private Imports(Map<String, Map<String, Extern>> modules) {
    this.modules = modules;
  }

  public static Imports none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Module name to (name to extern), in definition order. */
  Map<String, Map<String, Extern>> modules() {
    return modules;
  }

  /** Collects import definitions; a (module, name) pair may be defined once. */
  public static final class Builder {
    private final Map<String, Map<String, Extern>> modules = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Binds {@code module.name}.
     *
     * @throws IllegalArgumentException if it is already bound
     */
    public Builder define(String module, String name, Extern extern) {
      Extern previous =
          modules.computeIfAbsent(module, m -> new LinkedHashMap<>()).putIfAbsent(name, extern);
      if (previous != null) {
        throw new IllegalArgumentException("import " + module + "." + name + " is already defined");
      }
      return this;
    }

    /**
     * Binds every export of {@code instance} under {@code module} (a core instance as argument).
     */
    public Builder define(String module, GraalInstance instance) {
      for (String name : instance.exportNames()) {
        define(module, name, instance.export(name).orElseThrow());
      }
      return this;
    }

    public Imports build() {
      Map<String, Map<String, Extern>> copy = new LinkedHashMap<>();
      modules.forEach((module, names) -> copy.put(module, Map.copyOf(names)));
      return new Imports(Map.copyOf(copy));
    }
  }
}
