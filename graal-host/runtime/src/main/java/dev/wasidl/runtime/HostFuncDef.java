package dev.wasidl.runtime;

import dev.wasidl.graal.HostFunctionClass;
import dev.wasidl.types.FuncType;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A host function as defined in a {@link Linker}, with its WIT type if the definer gave one, and
 * its compiled lowering if generated bindings gave one (always with a type): the generated method,
 * resolved and bound to its host when defined ({@code Lowered.resolve}).
 */
record HostFuncDef(HostFunc func, Optional<FuncType> type, @Nullable HostFunctionClass lowering) {
  HostFuncDef(HostFunc func, Optional<FuncType> type) {
    this(func, type, null);
  }
}
