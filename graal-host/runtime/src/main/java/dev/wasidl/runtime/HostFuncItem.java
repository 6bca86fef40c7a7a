package dev.wasidl.runtime;

import dev.wasidl.graal.HostFunctionClass;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.Val;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A linker-defined function with the type its import declares, its compiled lowering when the
 * definer gave one of that same type, and the adapter that may serve it inside its callers.
 */
record HostFuncItem(
    String name,
    FuncType type,
    HostFunc func,
    InstanceState caller,
    @Nullable HostFunctionClass lowering,
    @Nullable HostAdapter adapter)
    implements ComponentFunc {
  @Override
  public Optional<Val> call(List<Val> args) {
    return func.call(caller, args);
  }

  /** The function's name within its interface ({@code [method]r.m}). */
  String member() {
    return name.substring(name.lastIndexOf('#') + 1);
  }

  /** The import's name, as traps name it. */
  @Override
  public String toString() {
    return "host function " + name;
  }
}
