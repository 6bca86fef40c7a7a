package dev.wasidl.component;

/** The sorts of definitions, each with its own index space ({@code core:sort} and {@code sort}). */
public enum Sort {
  CORE_FUNC("core func", true),
  CORE_TABLE("core table", true),
  CORE_MEMORY("core memory", true),
  CORE_GLOBAL("core global", true),
  CORE_TAG("core tag", true),
  CORE_TYPE("core type", true),
  CORE_MODULE("core module", true),
  CORE_INSTANCE("core instance", true),
  FUNC("func", false),
  VALUE("value", false),
  TYPE("type", false),
  COMPONENT("component", false),
  INSTANCE("instance", false);

  private final String specName;
  private final boolean core;

  Sort(String specName, boolean core) {
    this.specName = specName;
    this.core = core;
  }

  /** The spec's name of this sort, e.g. {@code "core memory"}. */
  public String specName() {
    return specName;
  }

  /** Whether this is a {@code core:sort}. */
  public boolean isCore() {
    return core;
  }

  @Override
  public String toString() {
    return specName;
  }
}
