package dev.wasidl.runtime;

import dev.wasidl.types.Val;
import java.util.List;
import java.util.Optional;

/**
 * A component-level function implemented in Java, defined in a {@link Linker} by WIT name. It
 * receives the lifted arguments and returns the result to lower (empty for a function without one).
 * Throwing a {@link dev.wasidl.abi.Trap} traps the calling guest with that message; any other
 * exception traps it too.
 */
@FunctionalInterface
public interface HostFunc {
  Optional<Val> call(CallContext cx, List<Val> args);
}
