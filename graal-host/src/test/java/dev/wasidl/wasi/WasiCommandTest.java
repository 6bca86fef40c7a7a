package dev.wasidl.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Component;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
}
