package dev.wasidl.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.bindings.Tuple2;
import dev.wasidl.wasi.bindings.wasi.cli.Environment;
import dev.wasidl.wasi.bindings.wasi.cli.Exit;
import dev.wasidl.wasi.bindings.wasi.cli.TerminalInput;
import dev.wasidl.wasi.bindings.wasi.cli.TerminalOutput;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code wasi:cli/environment}, {@code exit} and {@code terminal-*}. */
class CliHostTest {
  @Test
  void environmentIsWhatTheConfigGrantsInOrder() {
    WasiConfig config =
        WasiConfig.builder()
            .args(List.of("prog", "a b", ""))
            .env("Z", "last")
            .env("A", "=x=")
            .initialCwd("/work")
            .build();
    try (WasiCtx ctx = new WasiCtx(config)) {
      Environment env = ctx.environmentHost;
      assertEquals(
          List.of(new Tuple2<>("Z", "last"), new Tuple2<>("A", "=x=")), env.getEnvironment());
      // only what the config grants: none of the host process's own variables
      assertTrue(System.getenv().containsKey("PATH"), "the test runs with a PATH");
      assertTrue(
          env.getEnvironment().stream().noneMatch(e -> e.v0().equals("PATH")),
          "the host's PATH is not seen");
      // what a caller does with one answer does not change the next
      List<Tuple2<String, String>> first = env.getEnvironment();
      try {
        first.clear();
      } catch (UnsupportedOperationException e) {
        // immutable: as good
      }
      assertEquals(
          List.of(new Tuple2<>("Z", "last"), new Tuple2<>("A", "=x=")), env.getEnvironment());
      assertEquals(List.of("prog", "a b", ""), env.getArguments());
      assertEquals(Optional.of("/work"), env.initialCwd());
    }
    try (WasiCtx ctx = new WasiCtx(WasiConfig.builder().build())) {
      assertEquals(List.of(), ctx.environmentHost.getEnvironment());
      assertEquals(List.of(), ctx.environmentHost.getArguments());
      assertEquals(Optional.empty(), ctx.environmentHost.initialCwd());
    }
  }

  @Test
  void exitUnwindsWithTheCode() {
    try (WasiCtx ctx = new WasiCtx(WasiConfig.builder().build())) {
      Exit exit = ctx.exitHost;
      assertEquals(0, assertThrows(WasiExit.class, () -> exit.exit(Result.ok())).code());
      assertEquals(1, assertThrows(WasiExit.class, () -> exit.exit(Result.err())).code());
      assertEquals(0, assertThrows(WasiExit.class, () -> exit.exitWithCode((byte) 0)).code());
      assertEquals(42, assertThrows(WasiExit.class, () -> exit.exitWithCode((byte) 42)).code());
      WasiExit max = assertThrows(WasiExit.class, () -> exit.exitWithCode((byte) -1));
      assertEquals(255, max.code(), "the code is the u8's value");
      assertEquals("guest exited with code 255", max.getMessage());
    }
  }

  @Test
  void thereIsNoTerminal() {
    try (WasiCtx ctx = new WasiCtx(WasiConfig.builder().build())) {
      TerminalHost t = ctx.terminalHost;
      assertEquals(Optional.empty(), t.getTerminalStdin());
      assertEquals(Optional.empty(), t.getTerminalStdout());
      assertEquals(Optional.empty(), t.getTerminalStderr());
      var out = ctx.stdioHost.getStdout();
      assertThrows(
          Trap.class,
          () -> t.dropTerminalOutput(new Resource<TerminalOutput.TerminalOutput_>(out.rep())));
      assertThrows(
          Trap.class, () -> t.dropTerminalInput(new Resource<TerminalInput.TerminalInput_>(7)));
      assertEquals(1, ctx.table().size());
    }
  }
}
