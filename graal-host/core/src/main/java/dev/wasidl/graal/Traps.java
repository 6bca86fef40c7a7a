package dev.wasidl.graal;

import dev.wasidl.abi.Trap;
import org.graalvm.polyglot.PolyglotException;

/**
 * Turns what GraalWasm throws into {@link Trap}s: no {@link PolyglotException} leaves the layer.
 */
final class Traps {
  private Traps() {}

  /**
   * The trap for a failed call into wasm. A host function's own {@link Trap} comes back as the same
   * object, with {@code e} added as suppressed so that the wasm frames it unwound stay readable
   * ({@code e.getPolyglotStackTrace()}); any other host exception becomes a trap caused by it (and
   * suppressing {@code e}); a wasm trap (unreachable, out of bounds, division by zero, stack
   * exhaustion...) becomes a trap with GraalWasm's message, caused by {@code e}.
   */
  static Trap of(PolyglotException e) {
    if (e.isHostException()) {
      Throwable host = e.asHostException();
      if (host instanceof OutOfMemoryError oom) {
        // the JVM's failure, not the guest's: never hidden in a trap the host would go on after
        throw oom;
      }
      if (host instanceof Trap trap) {
        trap.addSuppressed(e);
        return trap;
      }
      Trap trap = new Trap("host function failed: " + host, host);
      trap.addSuppressed(e);
      return trap;
    }
    String message = e.getMessage();
    if (e.isResourceExhausted()) {
      message = "call stack exhausted: " + message;
    } else if (e.isInterrupted()) {
      message = "interrupted: " + message;
    } else if (e.isCancelled()) {
      message = "cancelled: " + message;
    } else if (e.isInternalError()) {
      message = "GraalWasm internal error: " + message;
    }
    return new Trap(message, e);
  }
}
