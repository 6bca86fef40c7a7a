package dev.wasidl.dl;

import dev.wasidl.ffm.Function;
import dev.wasidl.ffm.Signature;

/**
 * The host side of a {@code function} resource: a callable bridge-ffm function, or a function whose
 * signature the policy refused ({@code symbol.get-function} has no error result, so the refusal is
 * reported by every {@code call}, which returns an error and calls nothing).
 */
sealed interface FunctionEntry extends AutoCloseable {

  /** A function that can be called. */
  record Callable(Function function) implements FunctionEntry {
    @Override
    public void close() {
      function.close();
    }
  }

  /** A function the policy refused: {@code reason} names the rule. */
  record Refused(String symbol, Signature signature, String reason) implements FunctionEntry {
    @Override
    public void close() {}
  }

  @Override
  void close();
}
