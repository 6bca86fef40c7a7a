package dev.wasidl.runtime;

import dev.wasidl.types.FuncType;
import java.util.Optional;

/** A host function as defined in a {@link Linker}, with its WIT type if the definer gave one. */
record HostFuncDef(HostFunc func, Optional<FuncType> type) {}
