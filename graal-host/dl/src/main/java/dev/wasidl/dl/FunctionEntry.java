package dev.wasidl.dl;

import dev.wasidl.ffm.Alloc;
import dev.wasidl.ffm.FfiType;
import dev.wasidl.ffm.Function;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Signature;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The host side of a {@code function} resource: a callable bridge-ffm function, or a function whose
 * signature the policy refused ({@code symbol.get-function} has no error result, so the refusal is
 * reported by every {@code call}, which returns an error and calls nothing).
 */
sealed interface FunctionEntry extends AutoCloseable {

  /**
   * A function that can be called. When its signature has bridge-ffm's raw path, {@link #rawParams}
   * are its parameter types (checked against each argument slot's type, all a call re-checks) and
   * {@link #rawResult} the result type (null for {@code void}); otherwise {@code rawParams} is
   * null.
   */
  final class Callable implements FunctionEntry {
    private final Function function;
    final PrimitiveType @Nullable [] rawParams;
    final @Nullable PrimitiveType rawResult;

    /** {@code function.from-alloc}: the code at {@code region}, called with {@code signature}. */
    static Callable fromAlloc(Alloc region, Signature signature) {
      return new Callable(Function.fromAlloc(region, signature));
    }

    Callable(Function function) {
      this.function = function;
      Signature s = function.signature();
      // a pointer result keeps its library loaded: that takes the typed path's IncomingPrimitive
      boolean raw =
          function.hasRawPath() && s.result().map(t -> t != PrimitiveType.POINTER).orElse(true);
      List<FfiType> params = s.params();
      PrimitiveType[] types = raw ? new PrimitiveType[params.size()] : null;
      for (int i = 0; types != null && i < types.length; i++) {
        types[i] = (PrimitiveType) params.get(i);
      }
      this.rawParams = types;
      this.rawResult = raw ? (PrimitiveType) s.result().orElse(null) : null;
    }

    Function function() {
      return function;
    }

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
