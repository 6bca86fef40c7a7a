package dev.wasidl.runtime;

import dev.wasidl.types.FuncType;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A host function as defined in a {@link Linker}, with its WIT type if the definer gave one, and
 * its compiled lowering if generated bindings gave one (always with a type).
 */
record HostFuncDef(HostFunc func, Optional<FuncType> type, @Nullable HostLowering lowering) {
  HostFuncDef(HostFunc func, Optional<FuncType> type) {
    this(func, type, null);
  }
}
