package dev.wasidl.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Func;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.types.Val;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * hello-js (jco componentize: StarlingMonkey, a JS engine in wasm) runs its exports on {@link
 * Wasi}; its wasi:http imports (not implemented here) trap only if called.
 */
class HelloJsWasiTest {
  private static final String GREETER = "test:hello/greeter@0.1.0";

  @Test
  void greetsAndShouts() {
    List<String> logged = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (GraalRuntime runtime = GraalRuntime.create()) {
      Linker linker = WasiGuests.linker(runtime);
      linker
          .instance("test:hello/logger@0.1.0")
          .func(
              "log",
              (cx, args) -> {
                logged.add(((Val.Str) args.get(0)).value());
                return Optional.empty();
              });
      linker.defineUnknownImportsAsTraps();
      WasiConfig config = WasiConfig.builder().stdout(out).stderr(err).build();
      Component component = Component.of("hello-js", WasiGuests.bytes("hello-js.wasm"));
      try (WasiCtx ctx = new WasiCtx(config);
          Instance instance = linker.instantiate(component, ctx)) {
        Func greet = instance.func(GREETER, "greet").orElseThrow();
        Func shout = instance.func(GREETER, "shout").orElseThrow();
        assertEquals(
            Optional.of(
                new Val.RecordVal(
                    List.of(
                        new Val.Field("text", new Val.Str("hello Wörldhello Wörld")),
                        new Val.Field("count", new Val.U32(2))))),
            greet.call(new Val.Str("Wörld"), new Val.U32(2)));
        assertEquals(List.of("greeting Wörld"), logged);
        assertEquals(
            Optional.of(new Val.ResultVal(true, Optional.of(new Val.Str("A BC")))),
            shout.call(new Val.ListVal(List.of(new Val.Str("a"), new Val.Str("bc")))));
        assertEquals(
            Optional.of(new Val.ResultVal(false, Optional.of(new Val.Str("nothing to shout")))),
            shout.call(new Val.ListVal(List.of())));
      }
    }
    assertEquals("", out.toString(StandardCharsets.UTF_8));
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }
}
