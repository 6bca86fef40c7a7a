package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.types.Val;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * nested-wat: an outer component instantiating two inner ones and wiring the exports of one (lifted
 * core functions) to the imports of the other (lowered again), plus a host import passed down as an
 * instantiation argument.
 */
class NestedComponentsTest {

  @Test
  void composedByHandRunsAcrossComponentBoundaries() {
    List<String> log = new ArrayList<>();
    try (GraalRuntime runtime = GraalRuntime.create()) {
      Linker linker = Linker.of(runtime);
      linker
          .instance("test:nested/log@0.1.0")
          .func(
              "log",
              (cx, args) -> {
                log.add(((Val.Str) args.getFirst()).value());
                return Optional.empty();
              });
      Component component = Component.of("nested", TypesGuestTest.guest("nested-wat.wasm"));
      try (Instance instance = linker.instantiate(component)) {
        assertEquals(
            Optional.of(new Val.U32(42)),
            instance.func("double").orElseThrow().call(new Val.U32(21)));
        assertEquals(List.of("doubling"), log);
        assertEquals(
            Optional.of(new Val.U32(28)), instance.func("quad").orElseThrow().call(new Val.U32(7)));
        Func mul = instance.func("test:nested/math@0.1.0", "mul").orElseThrow();
        assertEquals(Optional.of(new Val.U32(56)), mul.call(new Val.U32(7), new Val.U32(8)));
        // u32 wraps in the core arithmetic and lifts back unsigned
        assertEquals(
            Optional.of(new Val.U32(4294967294L)),
            instance
                .func("test:nested/math@0.1.0", "add")
                .orElseThrow()
                .call(new Val.U32(4294967295L), new Val.U32(4294967295L)));
      }
    }
  }
}
