package dev.wasidl.isolate;

import dev.wasidl.types.Val;
import dev.wasidl.wrpc.Endpoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The native names behind the handles a guest holds on a worker (a symbol's and the functions made
 * from it), kept on the host's side: a worker that crashed cannot say what it was running.
 */
final class CallNames {
  private final Map<Integer, String> names = new ConcurrentHashMap<>();

  /** Remembers the name a call's result stands for. */
  void returned(Endpoint.Call call, Optional<Val> result) {
    Integer rep = result.map(CallNames::made).orElse(null);
    if (rep == null) {
      return;
    }
    switch (call.function()) {
      case "library.get" -> {
        if (call.args().get(1) instanceof Val.Str s) {
          names.put(rep, s.value());
        }
      }
      case "symbol.get-function", "symbol.get-alloc" ->
          names.put(rep, nameOf(call.args()).orElse("a symbol"));
      case "function.from-alloc" -> names.put(rep, "a function made from a pointer");
      default -> {}
    }
  }

  void dropped(int rep) {
    names.remove(rep);
  }

  /** What {@code call} was doing, for a crash report: e.g. {@code function.call of fault_segv}. */
  String describe(Endpoint.Call call) {
    return switch (call.function()) {
      case "function.call" ->
          "function.call of " + nameOf(call.args()).orElse("a function of unknown name");
      case "library.open" ->
          "library.open of "
              + (call.args().getFirst() instanceof Val.OptionVal(Optional<Val> name)
                      && name.orElse(null) instanceof Val.Str s
                  ? s.value()
                  : "the process");
      case "library.get" ->
          "library.get of " + (call.args().get(1) instanceof Val.Str s ? s.value() : "a symbol");
      default -> call.function();
    };
  }

  /** The name of the handle a call's first argument ({@code self}) borrows. */
  private Optional<String> nameOf(List<Val> args) {
    return !args.isEmpty() && args.getFirst() instanceof Val.Borrow(int rep)
        ? Optional.ofNullable(names.get(rep))
        : Optional.empty();
  }

  /** The handle a result hands out: an own, or the ok payload of a result that is one. */
  private static @Nullable Integer made(Val v) {
    return switch (v) {
      case Val.Own(int rep) -> rep;
      case Val.ResultVal(boolean ok, Optional<Val> payload) when ok && payload.isPresent() ->
          made(payload.get());
      default -> null;
    };
  }
}
