package dev.wasidl.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Func;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.types.Val;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wasi-libc command guests (wasm-component-ld's adapter importing WASI @0.2.6, jco's @0.2.12)
 * run on {@link Wasi}: argv, the environment, stdout and stderr, the monotonic clock and exit
 * codes.
 */
class WasiCommandTest {
  private static GraalRuntime runtime;

  @BeforeAll
  static void start() {
    runtime = GraalRuntime.create();
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  private static WasiGuests.Outcome run(String guest, List<String> args, Map<String, String> env) {
    return WasiGuests.command(
        runtime, Component.of(guest, WasiGuests.bytes(guest)), args, env, new byte[0], b -> {});
  }

  @ParameterizedTest
  @ValueSource(strings = {"wasi-command-c.wasm", "jco-command-c.wasm"})
  void helloWithEnvironment(String guest) {
    WasiGuests.Outcome o = run(guest, List.of("prog"), Map.of("WHO", "graal"));
    assertEquals(
        new WasiGuests.Outcome(
            "hello graal from prog (1 args)\n", "malloc works; monotonic clock ok\n", 0),
        o);
  }

  @ParameterizedTest
  @ValueSource(strings = {"wasi-command-c.wasm", "jco-command-c.wasm"})
  void helloWorldWithoutEnvironment(String guest) {
    WasiGuests.Outcome o = run(guest, List.of("cmd"), Map.of());
    assertEquals(
        new WasiGuests.Outcome(
            "hello world from cmd (1 args)\n", "malloc works; monotonic clock ok\n", 0),
        o);
  }

  /** main returning 3: a preview1 adapter can only say "failure", which is exit(err): 1. */
  @ParameterizedTest
  @ValueSource(strings = {"wasi-command-c.wasm", "jco-command-c.wasm"})
  void nonZeroReturnExitsOne(String guest) {
    WasiGuests.Outcome o = run(guest, List.of("x", "y", "z"), Map.of("WHO", "äö ü"));
    assertEquals(
        new WasiGuests.Outcome(
            "hello äö ü from x (3 args)\n", "malloc works; monotonic clock ok\n", 1),
        o);
  }

  /** The two adapters' builds of one program print the same. */
  @Test
  void bothAdaptersAgree() {
    for (List<String> args : List.of(List.of("a"), List.of("a", "b"))) {
      Map<String, String> env = Map.of("WHO", "\u65e5\u672c", "OTHER", "x");
      assertEquals(run("wasi-command-c.wasm", args, env), run("jco-command-c.wasm", args, env));
    }
  }

  /** After exit the instance refuses calls (it unwound like a trap); a new one runs again. */
  @Test
  void anExitedInstanceRefusesFurtherCalls() {
    Component c = Component.of("wasi-command-c", WasiGuests.bytes("wasi-command-c.wasm"));
    Linker linker = WasiGuests.linker(runtime);
    try (WasiCtx ctx = new WasiCtx(WasiConfig.builder().args(List.of("p", "q")).build());
        Instance instance = linker.instantiate(c, ctx)) {
      Func run = WasiGuests.run(instance);
      assertEquals(1, assertThrows(WasiExit.class, run::call).code());
      assertThrows(Trap.class, run::call);
    }
    assertEquals(0, run("wasi-command-c.wasm", List.of("p"), Map.of()).exit());
  }

  /** A reactor (wasm-component-ld's and jco's adapters): greet prints through stdout. */
  @ParameterizedTest
  @ValueSource(strings = {"wasi-reactor-c.wasm", "wasi-reactor-c-jco.wasm"})
  void reactorGreets(String guest) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Component c = Component.of(guest, WasiGuests.bytes(guest));
    try (WasiCtx ctx = new WasiCtx(WasiConfig.builder().stdout(out).build());
        Instance instance = WasiGuests.linker(runtime).instantiate(c, ctx)) {
      Func greet = instance.func("test:wasi-reactor/run@0.1.0", "greet").orElseThrow();
      for (String name : List.of("World", "\u00fcn\u00ef", "")) {
        assertEquals(
            Optional.of(new Val.Str("Hello, " + name + "!")), greet.call(new Val.Str(name)));
      }
    }
    assertEquals(
        "greet(World)\ngreet(\u00fcn\u00ef)\ngreet()\n", out.toString(StandardCharsets.UTF_8));
  }
}
