package dev.wasidl.cli;

import static dev.wasidl.cli.CliRun.wasidl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.bindgen.wit.Resolve;
import dev.wasidl.bindgen.wit.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The command line run in-process on the committed guests (testdata/resources/guests): help,
 * versions and usage errors, {@code wit} against {@code jco wit}, {@code run --invoke} with values
 * of many types, {@code wasi:cli/run}, traps with their wasm backtrace, and exit codes.
 */
class MainTest {
  private static final Path GUESTS = Path.of("..", "testdata", "resources", "guests");

  private static String guest(String name) {
    return GUESTS.resolve(name).toString();
  }

  /** Runs {@code --invoke call} on {@code guest}; expects exit 0 and {@code printed} on stdout. */
  private static void invoke(String guest, String call, String printed) {
    CliRun r = wasidl("run", "--trap-unknown-imports", "--invoke", call, guest(guest));
    assertEquals(0, r.code(), r.toString());
    assertEquals(printed.isEmpty() ? "" : printed + "\n", r.out(), r.toString());
    assertEquals("", r.err(), r.toString());
  }

  // --- help, version, usage errors

  @Test
  void helpListsTheCommands() {
    CliRun r = wasidl("--help");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("Usage: wasidl [-hV] COMMAND"), r.toString());
    assertTrue(
        r.out().contains("run ") && r.out().contains("wit ") && r.out().contains("compose "),
        r.toString());
  }

  @Test
  void helpOfEachCommand() {
    CliRun run = wasidl("run", "--help");
    assertEquals(0, run.code(), run.toString());
    for (String option :
        List.of(
            "--invoke",
            "--dir",
            "--env",
            "--inherit-env",
            "--allow-net",
            "--dl",
            "--allow-lib",
            "--dl-signatures",
            "COMPONENT",
            "ARGS")) {
      assertTrue(run.out().contains(option), option + "\n" + run);
    }
    CliRun wit = wasidl("wit", "-h");
    assertEquals(0, wit.code(), wit.toString());
    assertTrue(wit.out().startsWith("Usage: wasidl wit [-hV] COMPONENT"), wit.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--version", "run --version", "wit -V"})
  void versionEverywhere(String args) {
    CliRun r = wasidl(args.split(" "));
    assertEquals(0, r.code(), r.toString());
    assertTrue(
        Pattern.compile(
                "wasidl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nGraalWasm 25\\.\\d+\\.\\d+, Java 25")
            .matcher(r.out())
            .lookingAt(),
        r.toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|Missing command: run, wit or compose",
        "frobnicate|Unmatched argument at index 0: 'frobnicate'",
        "run|Missing required parameter: 'COMPONENT'",
        "run --frobnicate x.wasm|Unknown option: '--frobnicate'",
        "run --invoke|Missing required parameter for option '--invoke'",
        "run --dir ::/guest x.wasm|expected HOST[::GUEST], got `::/guest`",
        "run --env =1 x.wasm|expected NAME[=VALUE], got `=1`",
        "run --allow-lib libm.so.6 x.wasm|--allow-lib and --dl-signatures need --dl",
        "wit|Missing required parameter: 'COMPONENT'",
        "wit a.wasm b.wasm|Unmatched argument at index 2: 'b.wasm'"
      })
  void usageErrorsExit2(String args, String message) {
    CliRun r = wasidl(args.isEmpty() ? new String[0] : args.split(" "));
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains(message), r.toString());
    assertTrue(r.err().contains("Usage: wasidl"), r.toString());
  }

  @Test
  void unreadableOrInvalidComponentsExit1() {
    CliRun missing = wasidl("run", guest("no-such.wasm"));
    assertEquals(1, missing.code(), missing.toString());
    assertEquals("Error: cannot read " + guest("no-such.wasm") + ": no such file\n", missing.err());
    CliRun notWasm = wasidl("wit", guest("types-c.wit.txt"));
    assertEquals(1, notWasm.code(), notWasm.toString());
    assertTrue(
        notWasm
            .err()
            .startsWith("Error: " + guest("types-c.wit.txt") + " is not a valid" + " component: "),
        notWasm.toString());
  }

  // --- run options

  @Test
  void runOptionsAreCollectedAndTheGuestsArgumentsFollowTheComponent() {
    RunCommand run = new RunCommand();
    CommandLine cl = new CommandLine(run).setStopAtPositional(true);
    cl.parseArgs(
        "--dir",
        "/tmp::/data",
        "--dir",
        "rel",
        "--env",
        "A=1=2",
        "--env",
        "HOME",
        "--inherit-env",
        "--allow-net",
        "--dl",
        "--allow-lib",
        "libm.so.6",
        "--allow-lib",
        "/usr/lib/*.so",
        "--dl-signatures",
        "pins.txt",
        "dir/app.wasm",
        "--help",
        "x");
    assertEquals(
        new RunOptions(
            List.of("app.wasm", "--help", "x"),
            List.of(
                new RunOptions.Dir(Path.of("/tmp"), "/data"),
                new RunOptions.Dir(Path.of("rel"), "rel")),
            List.of(
                new RunOptions.EnvVar("A", Optional.of("1=2")),
                new RunOptions.EnvVar("HOME", Optional.empty())),
            true,
            true,
            true,
            List.of("libm.so.6", "/usr/lib/*.so"),
            Optional.of(Path.of("pins.txt"))),
        run.options());
    RunCommand bare = new RunCommand();
    new CommandLine(bare).parseArgs("app.wasm");
    assertEquals(
        new RunOptions(
            List.of("app.wasm"),
            List.of(),
            List.of(),
            false,
            false,
            false,
            List.of(),
            Optional.empty()),
        bare.options());
  }

  // --- run --invoke

  @Test
  void invokeRootExports() {
    invoke("nested-wat.wasm", "quad(5)", "20");
    invoke("nested-wat.wasm", "quad( 4294967295 )", "4294967292");
    invoke("types-c.wasm", "version()", "\"types-c 0.1.0\"");
    invoke("types-c.wasm", "version", "\"types-c 0.1.0\"");
    invoke("trap-wat.wasm", "boom(0)", "8");
    invoke("trap-wat.wasm", "divide(-7, 2)", "-3");
    invoke("trap-wat.wasm", "succeed()", "ok");
  }

  @Test
  void invokeInterfaceExportsByFullShortOrUnversionedName() {
    invoke("types-c.wasm", "test:guest/api@0.1.0#sum([1, 2, 3])", "some(6)");
    invoke("types-c.wasm", "test:guest/api#sum([])", "none");
    invoke("types-c.wasm", "api#sum([2147483647, 2147483647, -5])", "some(4294967289)");
    invoke("nested-wat.wasm", "math#add(2, 3)", "5");
    invoke("nested-wat.wasm", "test:nested/math@0.1.0#mul(6, 7)", "42");
  }

  @Test
  void invokeWithValuesOfManyTypes() {
    invoke("types-c.wasm", "api#parse(\"-42\")", "ok(-42)");
    invoke("types-c.wasm", "api#parse(\"4x\")", "err(\"not a number\")");
    invoke("types-c.wasm", "api#area(circle(1.0))", "3.141592653589793");
    invoke("types-c.wasm", "api#area(rect({x: 3, y: 4}))", "12.0");
    invoke("types-c.wasm", "api#area(%none)", "0.0");
    // a * 1000000 + b * 1000 + c + (u64) d, in u64
    invoke("types-c.wasm", "api#mix(-1, 65535, 'x', 0.5)", "64535120");
    invoke("types-c.wasm", "api#mix(-128, 0, '\\u{0}', 3.9)", "18446744073581551619");
  }

  @Test
  void anImportTheHostLacksIsRefusedAtInstantiationByName() {
    // The command line defines WASI only; test:guest/host is the guest's own interface.
    CliRun r = wasidl("run", "--invoke", "api#check(red, {read, exec})", guest("types-c.wasm"));
    assertEquals(1, r.code(), r.toString());
    assertEquals(
        "Error: cannot instantiate types-c.wasm: missing import: instance test:guest/host@0.1.0 is"
            + " not defined in the linker\n",
        r.err(),
        r.toString());
  }

  @Test
  void aGuestCallingAMissingImportTrapsWithItsName() {
    // With --trap-unknown-imports the host's missing imports trap when called (exit 134).
    CliRun r =
        wasidl(
            "run",
            "--trap-unknown-imports",
            "--invoke",
            "api#check(red, {read, exec})",
            guest("types-c.wasm"));
    assertEquals(134, r.code(), r.toString());
    assertTrue(
        r.err().contains("wasm trap: called the undefined import test:guest/host@0.1.0#log"),
        r.toString());
    CliRun echo =
        wasidl(
            "run", "--trap-unknown-imports", "--invoke", "host#echo-u8(7)", guest("echo-c.wasm"));
    assertEquals(134, echo.code(), echo.toString());
    assertTrue(echo.err().contains("test:echo/host@0.1.0#echo-u8"), echo.toString());
  }

  @Test
  void badInvocationsAreUsageErrors() {
    CliRun bad =
        wasidl("run", "--trap-unknown-imports", "--invoke", "quad(x)", guest("nested-wat.wasm"));
    assertEquals(2, bad.code(), bad.toString());
    assertTrue(
        bad.err()
            .startsWith(
                "invalid --invoke: expected an integer (u32), got 'x' at column 6 (quad: func(x:"
                    + " u32) -> u32)\n  quad(x)\n       ^\n"),
        bad.toString());
    CliRun range =
        wasidl("run", "--trap-unknown-imports", "--invoke", "quad(-1)", guest("nested-wat.wasm"));
    assertTrue(range.err().contains("integer -1 out of range for u32"), range.toString());
    CliRun unknown =
        wasidl("run", "--trap-unknown-imports", "--invoke", "triple(1)", guest("nested-wat.wasm"));
    assertEquals(2, unknown.code(), unknown.toString());
    assertTrue(
        unknown
            .err()
            .startsWith(
                """
                no exported function `triple`; the exports are:
                  test:nested/math@0.1.0#add: func(a: u32, b: u32) -> u32
                """),
        unknown.toString());
    CliRun bare =
        wasidl("run", "--trap-unknown-imports", "--invoke", "quad", guest("nested-wat.wasm"));
    assertTrue(
        bare.err().startsWith("`quad` takes arguments: func(x: u32) -> u32"), bare.toString());
    CliRun resource =
        wasidl(
            "run",
            "--trap-unknown-imports",
            "--invoke",
            "api#[method]blob.size(1)",
            guest("types-c.wasm"));
    assertEquals(2, resource.code(), resource.toString());
    assertTrue(
        resource.err().contains("resources cannot be written as values"), resource.toString());
  }

  // --- wasi:cli/run, traps

  @Test
  void runCallsWasiCliRunAndItsErrIsExitCode1() {
    CliRun r = wasidl("run", guest("trap-wat.wasm"), "ignored", "--args");
    assertEquals(1, r.code(), r.toString());
    assertEquals("", r.out());
    assertEquals("", r.err());
  }

  @Test
  void withoutWasiCliRunTheFunctionsAreListed() {
    CliRun r = wasidl("run", "--trap-unknown-imports", guest("nested-wat.wasm"));
    assertEquals(1, r.code(), r.toString());
    assertEquals(
        """
        Error: nested-wat.wasm exports no wasi:cli/run@0.2.x; call one of its functions with \
        --invoke:
          test:nested/math@0.1.0#add: func(a: u32, b: u32) -> u32
          test:nested/math@0.1.0#mul: func(a: u32, b: u32) -> u32
          double: func(x: u32) -> u32
          quad: func(x: u32) -> u32
        """,
        r.err());
  }

  @Test
  void aTrapPrintsItsMessageAndTheWasmBacktraceAndExits134() {
    CliRun r = wasidl("run", "--invoke", "boom(1)", guest("trap-wat.wasm"));
    assertEquals(134, r.code(), r.toString());
    assertEquals("", r.out());
    // GraalWasm names the functions from the core module's name section ($innermost, ...).
    assertEquals(
        """
        Error: failed to invoke `boom`

        Caused by:
            0: error while executing at wasm backtrace:
                 0: trap-wat.wasm#core0!innermost
                 1: trap-wat.wasm#core0!middle
                 2: trap-wat.wasm#core0!boom
            1: wasm trap: unreachable
        """,
        r.err());
    CliRun div = wasidl("run", "--invoke", "divide(1, 0)", guest("trap-wat.wasm"));
    assertEquals(134, div.code(), div.toString());
    assertTrue(div.err().contains("0: trap-wat.wasm#core0!divide\n"), div.toString());
    assertTrue(div.err().contains("wasm trap: integer divide by zero"), div.toString());
  }

  @Test
  void aHostTrapShowsTheWasmFramesItUnwound() {
    CliRun r =
        wasidl("run", "--trap-unknown-imports", "--invoke", "double(21)", guest("nested-wat.wasm"));
    assertEquals(134, r.code(), r.toString());
    assertTrue(r.err().contains("0: nested-wat.wasm#core2!double\n"), r.toString());
    assertTrue(
        r.err().contains("wasm trap: called the undefined import test:nested/log@0.1.0#log"),
        r.toString());
  }

  /**
   * {@code --timeout} and wasmtime's {@code -W timeout=}: guests that never stop (spin-wat loops in
   * wasi:cli/run and in spin, start-loop-wat in its start function) trap naming the limit, exit 134
   * as any trap; bad values are usage errors.
   */
  @Test
  void timeoutStopsGuestsThatNeverStop() {
    CliRun run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> wasidl("run", "--timeout", "300ms", guest("spin-wat.wasm")));
    assertEquals(134, run.code(), run.toString());
    assertTrue(run.err().contains("ran longer than its time limit of 300 ms"), run.toString());
    CliRun invoke =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> wasidl("run", "-W", "timeout=1", "--invoke", "spin()", guest("spin-wat.wasm")));
    assertEquals(134, invoke.code(), invoke.toString());
    assertTrue(invoke.err().contains("time limit of 1 s"), invoke.toString());
    CliRun start =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () ->
                wasidl(
                    "run",
                    "--timeout",
                    "1s",
                    "--invoke",
                    "answer()",
                    guest("start-loop-wat.wasm")));
    assertEquals(134, start.code(), start.toString());
    assertTrue(
        start.err().contains("instantiation of start-loop-wat.wasm ran longer"), start.toString());
    CliRun inTime =
        wasidl("run", "--timeout", "10s", "--invoke", "answer()", guest("spin-wat.wasm"));
    assertEquals(0, inTime.code(), inTime.toString());
    assertEquals("42\n", inTime.out(), inTime.toString());
    for (String[] bad :
        List.of(
            new String[] {"--timeout", "0"},
            new String[] {"--timeout", "soon"},
            new String[] {"--timeout", "999999999h"},
            new String[] {"-W", "fuel=1"},
            new String[] {"--timeout", "1s", "-W", "timeout=2s"})) {
      List<String> args = new ArrayList<>(List.of("run"));
      args.addAll(List.of(bad));
      args.add(guest("spin-wat.wasm"));
      CliRun r = wasidl(args.toArray(String[]::new));
      assertEquals(2, r.code(), r.toString());
    }
    assertTrue(
        wasidl("run", "-W", "fuel=1", guest("spin-wat.wasm"))
            .err()
            .contains(
                "unsupported -W fuel (supported: timeout, max-memory-size, max-table-elements,"
                    + " max-instances, max-handles, max-list-elements, max-lifted-bytes)"));
  }

  /**
   * wasmtime's {@code -W max-table-elements=} and {@code -W max-instances=}: table.grow past the
   * cap returns -1 (table-bomb-wat), a component making more core instances (many-instances-wat,
   * 64) fails instantiation naming the limit; bad values are usage errors.
   */
  @Test
  void tableAndInstanceLimits() {
    CliRun table =
        wasidl(
            "run",
            "-W",
            "max-table-elements=10",
            "--invoke",
            "grow(10)",
            guest("table-bomb-wat.wasm"));
    assertEquals(0, table.code(), table.toString());
    assertEquals("-1\n", table.out(), table.toString());
    CliRun fits =
        wasidl(
            "run",
            "-W",
            "max-table-elements=11",
            "--invoke",
            "grow(10)",
            guest("table-bomb-wat.wasm"));
    assertEquals("1\n", fits.out(), fits.toString());
    CliRun many =
        wasidl(
            "run",
            "-W",
            "max-instances=63",
            "--invoke",
            "answer()",
            guest("many-instances-wat.wasm"));
    assertEquals(134, many.code(), many.toString());
    assertTrue(
        many.err().contains("makes more than 63 core instances (Linker.maxInstances"),
        many.toString());
    CliRun enough =
        wasidl(
            "run",
            "-W",
            "max-instances=64",
            "--invoke",
            "answer()",
            guest("many-instances-wat.wasm"));
    assertEquals("42\n", enough.out(), enough.toString());
    // serve takes the same caps; its own --timeout bounds its calls, so -W timeout= is refused
    for (List<String> bad :
        List.of(
            List.of("-W", "timeout=1", "-W timeout: this command's --timeout bounds its calls"),
            List.of("-W", "max-memory-size=100", "maxMemorySize must be between 64 KiB"),
            List.of("--max-memory-size", "100", "maxMemorySize must be between 64 KiB"))) {
      CliRun r =
          wasidl(
              "serve",
              "--plugin",
              guest("table-bomb-wat.wasm"),
              "--listen",
              "127.0.0.1:0",
              bad.get(0),
              bad.get(1));
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains(bad.get(2)), r.toString());
    }
    for (String bad : List.of("max-instances=0", "max-instances=x", "max-table-elements=0")) {
      CliRun r = wasidl("run", "-W", bad, guest("table-bomb-wat.wasm"));
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains("-W max-"), r.toString());
    }
  }

  /**
   * wasidl's own {@code -W} limits on what a call lifts: alias-lists-wat returns n strings that all
   * name the same 64 KiB of its memory; past {@code max-lifted-bytes} or {@code max-list-elements}
   * the call traps naming the limit and the flag, within them it answers; bad values are usage
   * errors.
   */
  @Test
  void liftLimitsOnTheCommandLine() {
    String guest = guest("alias-lists-wat.wasm");
    CliRun bytes = wasidl("run", "-W", "max-lifted-bytes=1000000", "--invoke", "alias(16)", guest);
    assertEquals(134, bytes.code(), bytes.toString());
    assertTrue(
        bytes.err().contains("exceeds the host's limit of 1000000 bytes lifted per call"),
        bytes.toString());
    assertTrue(bytes.err().contains("wasidl run -W max-lifted-bytes="), bytes.toString());
    CliRun elements = wasidl("run", "-W", "max-list-elements=3", "--invoke", "alias(4)", guest);
    assertEquals(134, elements.code(), elements.toString());
    assertTrue(
        elements.err().contains("limit of 3 list elements lifted per call"), elements.toString());
    assertTrue(elements.err().contains("-W max-list-elements="), elements.toString());
    CliRun within =
        wasidl(
            "run",
            "-W",
            "max-list-elements=4",
            "-W",
            "max-lifted-bytes=300000",
            "-W",
            "max-handles=10",
            "--invoke",
            "answer()",
            guest);
    assertEquals(new CliRun(0, "42\n", ""), within);
    for (String bad : List.of("max-handles=0", "max-handles=x", "max-lifted-bytes=-1")) {
      CliRun r = wasidl("run", "-W", bad, guest);
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains("-W max-"), r.toString());
    }
  }

  /**
   * {@code --max-memory-size} and wasmtime's {@code -W max-memory-size=}: memory.grow past the cap
   * returns -1 to the guest (memory-bomb-wat), a memory that starts larger (big-memory-wat) fails
   * instantiation naming the limit; bad values are usage errors.
   */
  @Test
  void maxMemorySizeCapsTheGuestsMemories() {
    CliRun refused =
        wasidl(
            "run",
            "--max-memory-size",
            "1048576",
            "--invoke",
            "grow(16)",
            guest("memory-bomb-wat.wasm"));
    assertEquals(0, refused.code(), refused.toString());
    assertEquals("-1\n", refused.out(), refused.toString());
    CliRun pages =
        wasidl(
            "run",
            "-W",
            "max-memory-size=1048576",
            "--invoke",
            "grow-by-pages()",
            guest("memory-bomb-wat.wasm"));
    assertEquals(0, pages.code(), pages.toString());
    assertEquals("16\n", pages.out(), pages.toString());
    CliRun big =
        wasidl(
            "run",
            "-W",
            "max-memory-size=1048576",
            "--invoke",
            "answer()",
            guest("big-memory-wat.wasm"));
    assertEquals(134, big.code(), big.toString());
    assertTrue(
        big.err().contains("more than the limit of 16 pages (1 MiB) per memory"), big.toString());
    assertTrue(big.err().contains("-W max-memory-size="), big.toString());
    for (String[] bad :
        List.of(
            new String[] {"--max-memory-size", "100"},
            new String[] {"--max-memory-size", "8589934592"},
            new String[] {"-W", "max-memory-size=lots"},
            new String[] {"--max-memory-size", "1048576", "-W", "max-memory-size=2097152"})) {
      List<String> args = new ArrayList<>(List.of("run"));
      args.addAll(List.of(bad));
      args.add(guest("memory-bomb-wat.wasm"));
      CliRun r = wasidl(args.toArray(String[]::new));
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains("max-memory-size"), r.toString());
    }
  }

  // --- wit

  /**
   * {@code wasidl wit} against {@code jco wit} (the committed .wit.txt): the world's import and
   * export lines are the same, root function signatures included, in the same order. Differences,
   * by design: jco prints only the world, wasidl also prints each interface (in a {@code package
   * ns:pkg@version { ... }} block after it, as {@code wasm-tools component wit} does), and wasidl
   * puts a blank line between imports and exports.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "types-c",
        "nested-wat",
        "trap-wat",
        "hello-js",
        "wasi-reactor-c",
        "wasi-cli-c",
        "jco-command-c",
        "wasi-tcp-c-jco"
      })
  void witHasJcoWitsWorld(String name) throws IOException {
    CliRun r = wasidl("wit", guest(name + ".wasm"));
    assertEquals(0, r.code(), r.toString());
    String jco = Files.readString(GUESTS.resolve(name + ".wit.txt"));
    assertEquals(worldLines(jco), worldLines(r.out()), r.out());
    assertTrue(r.out().startsWith("package root:component;\n\nworld root {\n"), r.out());
  }

  /**
   * What {@code wasidl wit} prints is WIT that bindings-gen's resolver takes back: every {@code
   * use} names a type its interface defines, every world item an interface printed, and the
   * resolved world has the component's imports and exports in order.
   */
  @ParameterizedTest
  @MethodSource("guestComponents")
  void witPrintsWitThatResolves(String name) {
    CliRun r = wasidl("wit", guest(name));
    assertEquals(0, r.code(), r.toString());
    Resolve resolve = new Resolve();
    resolve.addText(name + ".wit", r.out());
    World root = resolve.world("root:component/root").orElseThrow();
    List<String> items = new ArrayList<>();
    root.imports().forEach(i -> items.add("import " + i.key()));
    root.exports().forEach(e -> items.add("export " + e.key()));
    List<String> printed = new ArrayList<>();
    for (String line : worldLines(r.out())) {
      Matcher m = Pattern.compile("^(import|export) (\\S+?)(;|: )").matcher(line);
      assertTrue(m.find(), line);
      printed.add(m.group(1) + " " + m.group(2));
    }
    assertEquals(printed, items, r.out());
  }

  /** Every committed guest component. */
  static List<String> guestComponents() throws IOException {
    try (var files = Files.list(GUESTS)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".wasm"))
          .sorted()
          .toList();
    }
  }

  /** The lines of {@code world root { ... }}, blank ones left out. */
  private static List<String> worldLines(String wit) {
    List<String> lines = new ArrayList<>();
    boolean in = false;
    for (String line : wit.lines().toList()) {
      if (line.startsWith("world root {")) {
        in = true;
      } else if (in && line.equals("}")) {
        break;
      } else if (in && !line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  @Test
  void witPrintsTheInterfacesWithTypesResourcesAndUses() {
    CliRun r = wasidl("wit", guest("types-c.wasm"));
    // What types-c/types.wit declares, as the component's types carry it (no doc comments; types
    // in the order the component exports them).
    assertTrue(
        r.out()
            .contains(
                """
                package test:guest@0.1.0 {
                  interface host {
                    enum color {
                      red,
                      green,
                      blue,
                    }
                    record point {
                      x: s32,
                      y: s32,
                    }
                    flags perms {
                      read,
                      write,
                      exec,
                    }
                    variant shape {
                      circle(f64),
                      rect(point),
                      none,
                    }
                    resource counter {
                      constructor(start: u32);
                      increment: func(by: u32) -> u32;
                      value: func() -> u32;
                      make: static func() -> counter;
                    }

                    get-name: func() -> string;
                    log: func(level: color, msg: string);
                  }

                  interface api {
                    use host.{point, color, perms, shape};
                    record person {
                      name: string,
                      age: u8,
                      tags: list<string>,
                      home: option<point>,
                    }
                    resource blob {
                      constructor(data: list<u8>);
                      size: func() -> u64;
                      read: func(offset: u32, len: u32) -> result<list<u8>, string>;
                    }

                    greet: func(p: person) -> string;
                    area: func(s: shape) -> f64;
                    check: func(c: color, p: perms) -> tuple<bool, u32>;
                    parse: func(s: string) -> result<s64, string>;
                    sum: func(xs: list<s32>) -> option<s64>;
                    mix: func(a: s8, b: u16, c: char, d: f32) -> u64;
                    count-up: func(start: u32) -> u32;
                  }
                }
                """),
        r.out());
  }

  @Test
  void witOfWasiInterfacesUsesTypesAcrossPackages() {
    CliRun r = wasidl("wit", guest("wasi-reactor-c.wasm"));
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("package wasi:io@0.2.6 {\n  interface error {\n"), r.out());
    assertTrue(r.out().contains("    resource error;\n"), r.out());
    assertTrue(r.out().contains("    use wasi:io/error@0.2.6.{error};\n"), r.out());
    // Resources are defined by the first interface of the world that has them (wasi:io/streams),
    // with their methods; later ones use them.
    assertTrue(
        r.out()
            .contains(
                """
                  interface streams {
                    use error.{error};
                    variant stream-error {
                      last-operation-failed(error),
                      closed,
                    }
                    resource output-stream {
                      check-write: func() -> result<u64, stream-error>;
                """),
        r.out());
    assertTrue(
        r.out().contains("  interface stdout {\n    use wasi:io/streams@0.2.6.{output-stream};\n"),
        r.out());
    assertTrue(r.out().contains("package test:wasi-reactor@0.1.0 {\n  interface run {\n"), r.out());
  }
}
