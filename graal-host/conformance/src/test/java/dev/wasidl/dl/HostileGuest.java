package dev.wasidl.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.cli.ValText;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Func;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import java.util.List;
import java.util.Optional;

/**
 * The hostile wasi:dl guest (testdata/guests/dl-hostile-c) on a real GraalWasm instance with its
 * own {@link DlCtx}: calls its attack primitives by text ({@code read-u64-at(4096)}) and reports
 * each {@link Outcome}. A trap closes the instance and the next call runs on a fresh one (same
 * policy), as an embedder would carry on.
 */
final class HostileGuest implements AutoCloseable {
  static final Component COMPONENT =
      Component.of("dl-hostile-c", DlGuestsTest.bytes("dl-hostile-c.wasm"));

  /** A legitimate call: libm's cos(0) through wasi:dl, 1.0 (needs libm.so.6 granted). */
  static final String COS_0 = "call-double(\"libm.so.6\", \"cos\", 0.0)";

  /** How a call ended. */
  enum Kind {
    OK,
    ERR,
    TRAP,
    VALUE
  }

  /**
   * One call's end: {@code detail} is the ok/err payload or the plain value (a string as is, other
   * values as WAVE text, empty for none), or the trap's message; {@code lastError} is the context's
   * {@link DlCtx#lastError()} after the call (the host's cause of a wasi:dl error result).
   */
  record Outcome(String call, Kind kind, String detail, Optional<String> lastError) {
    /** The detail and the host's last error, for matching an expected substring. */
    String everything() {
      return detail + " | " + lastError.orElse("");
    }

    /** Asserts the call ended as {@code kind} with {@code text} in its detail or last error. */
    Outcome assertRefused(Kind kind, String text) {
      assertEquals(kind, kind(), this::toString);
      assertTrue(everything().contains(text), () -> "expected '" + text + "' in: " + this);
      return this;
    }

    /** Asserts the call ended ok. */
    Outcome assertOk() {
      assertEquals(Kind.OK, kind(), this::toString);
      return this;
    }

    /** Asserts this is {@link #COS_0}'s outcome: ok(1.0). */
    void assertCos() {
      assertOk();
      assertEquals(1.0, Double.parseDouble(detail), this::toString);
    }

    @Override
    public String toString() {
      return call
          + " -> "
          + kind
          + " "
          + detail
          + " (last error: "
          + lastError.orElse("none")
          + ")";
    }
  }

  private final Linker linker;
  private final DlPolicy policy;
  private DlCtx ctx;
  private Instance instance;

  HostileGuest(Linker linker, DlPolicy policy) {
    this.linker = linker;
    this.policy = policy;
    this.ctx = new DlCtx(policy);
    this.instance = linker.instantiate(COMPONENT, ctx);
  }

  /** Calls {@code text}, e.g. {@code symbol-address(some("libm.so.6"), "system")}. */
  Outcome call(String text) {
    int paren = text.indexOf('(');
    String name = text.substring(0, paren).strip();
    Func func =
        instance.func(name).orElseThrow(() -> new IllegalArgumentException("no export " + name));
    List<Val> args = ValText.parseArgs(func.type().paramTypes(), text, paren);
    Type type = func.type().result().orElseThrow();
    Val result;
    try {
      result = func.call(args).orElseThrow();
    } catch (Trap t) {
      Optional<String> last = ctx.lastError();
      fresh();
      return new Outcome(text, Kind.TRAP, String.valueOf(t.getMessage()), last);
    }
    if (type instanceof ResultType rt && result instanceof Val.ResultVal r) {
      Optional<Type> payloadType = r.isOk() ? rt.ok() : rt.error();
      String detail = r.payload().map(p -> show(payloadType.orElseThrow(), p)).orElse("");
      return new Outcome(text, r.isOk() ? Kind.OK : Kind.ERR, detail, ctx.lastError());
    }
    return new Outcome(text, Kind.VALUE, show(type, result), ctx.lastError());
  }

  private static String show(Type type, Val v) {
    return v instanceof Val.Str s ? s.value() : ValText.print(type, v);
  }

  private void fresh() {
    close();
    ctx = new DlCtx(policy);
    instance = linker.instantiate(COMPONENT, ctx);
  }

  @Override
  public void close() {
    try {
      instance.close();
    } finally {
      ctx.close();
    }
  }
}
