package dev.wasidl.graal;

import org.graalvm.polyglot.Value;

/**
 * A table exported by a core instance. Opaque: it is there to be imported by other instances (as
 * wit-component's shim exports the table its fixup module fills).
 */
public final class GraalTable implements Extern {
  private final GraalStore store;
  private final String name;
  private final Value value;

  GraalTable(GraalStore store, String name, Value value) {
    this.store = store;
    this.name = name;
    this.value = value;
  }

  public String name() {
    return name;
  }

  GraalStore store() {
    return store;
  }

  Value value() {
    return value;
  }

  @Override
  public String toString() {
    return "GraalTable[" + name + "]";
  }
}
