package dev.wasidl.graal;

import dev.wasidl.abi.Trap;

/**
 * A core module could not be instantiated: an import is missing or of the wrong type (the spec's
 * "unlinkable"), or initialization trapped (an out-of-bounds data or element segment, a trapping
 * start function; the spec's "uninstantiable"). GraalWasm reports both the same way, so this one
 * class carries its message. It is a {@link Trap} because, in a validated component, only the
 * second kind can happen at run time.
 */
public final class UninstantiableException extends Trap {
  private static final long serialVersionUID = 1L;

  UninstantiableException(String message, Throwable cause) {
    super(message, cause);
  }
}
