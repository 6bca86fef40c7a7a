package dev.wasidl.graal;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.graalvm.polyglot.Value;

/** An instantiated core module: its exports, by name. */
public final class GraalInstance {
  private final GraalStore store;
  private final String name;
  private final Value exports;

  GraalInstance(GraalStore store, String name, Value exports) {
    this.store = store;
    this.name = name;
    this.exports = exports;
  }

  /** The module's name (as given to {@link GraalModule#of(String, byte[])}). */
  public String name() {
    return name;
  }

  public GraalStore store() {
    return store;
  }

  /** The names of all exports. */
  public Set<String> exportNames() {
    return new TreeSet<>(exports.getMemberKeys());
  }

  /** The export of that name, whatever its kind. */
  public Optional<Extern> export(String exportName) {
    if (!exports.hasMember(exportName)) {
      return Optional.empty();
    }
    Value value = exports.getMember(exportName);
    String qualified = name + "." + exportName;
    if (value.canExecute()) {
      return Optional.of(new GraalFunction(store, qualified, value));
    } else if (value.hasBufferElements()) {
      return Optional.of(new GraalMemory(store, qualified, value));
    } else if (value.hasMember(GraalGlobal.VALUE)) {
      return Optional.of(new GraalGlobal(store, qualified, value));
    }
    return Optional.of(new GraalTable(store, qualified, value));
  }

  /** The exported function of that name, if there is one. */
  public Optional<GraalFunction> function(String exportName) {
    return export(exportName)
        .filter(GraalFunction.class::isInstance)
        .map(GraalFunction.class::cast);
  }

  /** The exported memory of that name, if there is one. */
  public Optional<GraalMemory> memory(String exportName) {
    return export(exportName).filter(GraalMemory.class::isInstance).map(GraalMemory.class::cast);
  }

  /** The exported table of that name, if there is one. */
  public Optional<GraalTable> table(String exportName) {
    return export(exportName).filter(GraalTable.class::isInstance).map(GraalTable.class::cast);
  }

  /** The exported global of that name, if there is one. */
  public Optional<GraalGlobal> global(String exportName) {
    return export(exportName).filter(GraalGlobal.class::isInstance).map(GraalGlobal.class::cast);
  }

  @Override
  public String toString() {
    return "GraalInstance[" + name + "]";
  }
}
