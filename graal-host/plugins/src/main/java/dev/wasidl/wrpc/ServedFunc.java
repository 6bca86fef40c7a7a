package dev.wasidl.wrpc;

import dev.wasidl.runtime.Func;
import dev.wasidl.types.ResourceType;

/** What an invocation header can name on the server: an exported function, or a resource drop. */
sealed interface ServedFunc {
  /** A function of an exported interface (or a root function: instance ""). */
  record Call(Func func) implements ServedFunc {}

  /** Dropping a resource of an exported interface. */
  record Drop(ResourceType type) implements ServedFunc {}
}
