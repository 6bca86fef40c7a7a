package dev.wasidl.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Component;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * wasi-cli-c (one subcommand per WASI feature) through both preview1 adapters on {@link Wasi}: the
 * outputs must be byte for byte those node + jco gave (../guests/wasi-expected.md), and the two
 * adapters' the same.
 */
class WasiCliGuestTest {
  private static final List<String> GUESTS = List.of("wasi-cli-c.wasm", "wasi-cli-c-jco.wasm");
  private static final String USAGE =
      "usage: wasi-cli-c hello|args|env [NAME]|stdin|exit N|clock|random|files DIR\n";
  private static GraalRuntime runtime;
  private static Map<String, Component> components;

  @BeforeAll
  static void start() {
    runtime = GraalRuntime.create();
    components = new LinkedHashMap<>();
    for (String g : GUESTS) {
      components.put(g, Component.of(g, WasiGuests.bytes(g)));
    }
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  /** One run: its args after argv[0], environment, stdin, and the expected outcome. */
  record Case(
      String name,
      List<String> args,
      Map<String, String> env,
      String stdin,
      WasiGuests.Outcome want) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    List<Case> cases =
        List.of(
            new Case(
                "hello",
                List.of("hello"),
                Map.of(),
                "",
                new WasiGuests.Outcome("hello from wasi-cli-c\n", "a line on stderr\n", 0)),
            new Case(
                "args",
                List.of("args", "one", "two words", "", "ünï"),
                Map.of(),
                "",
                new WasiGuests.Outcome(
                    "argc=6\nargv[1]=args\nargv[2]=one\nargv[3]=two words\nargv[4]=\nargv[5]=ünï\n",
                    "",
                    0)),
            new Case(
                "env",
                List.of("env", "A"),
                orderedEnv("B", "two", "A", "1", "C", "with space", "EMPTY", ""),
                "",
                new WasiGuests.Outcome(
                    "environ: 4\nA=1\nB=two\nC=with space\nEMPTY=\ngetenv(A)=1\n", "", 0)),
            new Case(
                "env missing",
                List.of("env", "MISSING"),
                Map.of("A", "1"),
                "",
                new WasiGuests.Outcome("environ: 1\nA=1\ngetenv(MISSING)=(null)\n", "", 0)),
            new Case(
                "env none",
                List.of("env"),
                Map.of(),
                "",
                new WasiGuests.Outcome("environ: 0\n", "", 0)),
            new Case(
                "stdin",
                List.of("stdin"),
                Map.of(),
                "Hello, stdin!\nline two\n",
                new WasiGuests.Outcome(
                    "stdin: 23 bytes, fnv1a32 1c93dc6e\nHELLO, STDIN!\nLINE TWO\n", "", 0)),
            new Case(
                "stdin empty",
                List.of("stdin"),
                Map.of(),
                "",
                new WasiGuests.Outcome("stdin: 0 bytes, fnv1a32 811c9dc5\n", "", 0)),
            new Case(
                "stdin binary",
                List.of("stdin"),
                Map.of(),
                "ünï\0x\n",
                new WasiGuests.Outcome("stdin: 8 bytes, fnv1a32 2c095bec\nüNï\0X\n", "", 0)),
            new Case(
                "exit 0",
                List.of("exit", "0"),
                Map.of(),
                "",
                new WasiGuests.Outcome("exiting with 0\n", "", 0)),
            new Case(
                "exit 1",
                List.of("exit", "1"),
                Map.of(),
                "",
                new WasiGuests.Outcome("exiting with 1\n", "", 1)),
            new Case(
                "exit 7",
                List.of("exit", "7"),
                Map.of(),
                "",
                new WasiGuests.Outcome("exiting with 7\n", "", 1)),
            new Case(
                "exit 255",
                List.of("exit", "255"),
                Map.of(),
                "",
                new WasiGuests.Outcome("exiting with 255\n", "", 1)),
            new Case("usage", List.of(), Map.of(), "", new WasiGuests.Outcome("", USAGE, 1)),
            new Case(
                "unknown", List.of("nosuch"), Map.of(), "", new WasiGuests.Outcome("", USAGE, 1)),
            new Case(
                "clock",
                List.of("clock"),
                Map.of(),
                "",
                new WasiGuests.Outcome(
                    """
                    clock_gettime: ok
                    nanosleep(10ms): ok
                    monotonic advanced >= 10ms: yes
                    realtime after 2024-01-01: yes
                    monotonic resolution > 0: yes
                    """,
                    "",
                    0)),
            new Case(
                "random",
                List.of("random"),
                Map.of(),
                "",
                new WasiGuests.Outcome(
                    "getentropy: ok\nbytes: 32\ntwo draws differ: yes\nfirst draw all zero: no\n",
                    "",
                    0)));
    return GUESTS.stream().flatMap(g -> cases.stream().map(c -> Arguments.of(g, c)));
  }

  private static Map<String, String> orderedEnv(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static WasiGuests.Outcome run(String guest, Case c) {
    List<String> argv =
        Stream.concat(Stream.of(guest.replace(".wasm", "")), c.args().stream()).toList();
    return WasiGuests.command(
        runtime,
        components.get(guest),
        argv,
        c.env(),
        c.stdin().getBytes(StandardCharsets.UTF_8),
        b -> {});
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void matchesNodeAndJco(String guest, Case c) {
    assertEquals(c.want(), run(guest, c));
  }

  /** Large stdin (108894 bytes: more than the pump's buffer) in and back out, both adapters. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"wasi-cli-c.wasm", "wasi-cli-c-jco.wasm"})
  void largeStdin(String guest) {
    StringBuilder in = new StringBuilder();
    for (int i = 1; i <= 20000; i++) {
      in.append(i).append('\n');
    }
    WasiGuests.Outcome o =
        run(guest, new Case("large", List.of("stdin"), Map.of(), in.toString(), null));
    assertEquals(0, o.exit());
    assertEquals("", o.stderr());
    assertEquals("stdin: 108894 bytes, fnv1a32 24f52cfd\n" + in, o.stdout());
  }
}
