package dev.wasidl.runtime;

import dev.wasidl.types.FuncType;
import dev.wasidl.types.Val;
import java.util.List;
import java.util.Optional;

/**
 * A component function as the runtime passes it around: lifted from core wasm, or from the host.
 */
interface ComponentFunc {
  FuncType type();

  Optional<Val> call(List<Val> args);

  /** {@link #call(List)}, named {@code as} in messages (an instance's export name for it). */
  default Optional<Val> call(String as, List<Val> args) {
    return call(args);
  }
}
