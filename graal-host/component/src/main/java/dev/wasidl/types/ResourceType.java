package dev.wasidl.types;

import java.util.Objects;

/**
 * A resource type. Equality is identity, as in the spec: two resource types with the same name are
 * different types, and each definition (or each import of an abstract {@code (sub resource)}) is
 * its own {@code ResourceType}.
 */
public final class ResourceType {
  /** Who implements a resource type, and so knows its representation. */
  public enum Definer {
    /** Defined by the host (a Linker resource). */
    HOST,
    /** Defined by a component ({@code (resource (rep i32) ...)}). */
    GUEST,
    /** An imported abstract type ({@code (sub resource)}), bound to a definition at link time. */
    ABSTRACT
  }

  private final String name;
  private final Definer definer;

  private ResourceType(String name, Definer definer) {
    this.name = Objects.requireNonNull(name, "name");
    this.definer = Objects.requireNonNull(definer, "definer");
  }

  /** A fresh host-defined resource type. */
  public static ResourceType host(String name) {
    return new ResourceType(name, Definer.HOST);
  }

  /** A fresh guest-defined resource type. */
  public static ResourceType guest(String name) {
    return new ResourceType(name, Definer.GUEST);
  }

  /** A fresh abstract (imported) resource type. */
  public static ResourceType imported(String name) {
    return new ResourceType(name, Definer.ABSTRACT);
  }

  /** The name it was defined, imported or exported under (for messages and bindings). */
  public String name() {
    return name;
  }

  public Definer definer() {
    return definer;
  }

  /** The WIT name. */
  @Override
  public String toString() {
    return name;
  }
}
