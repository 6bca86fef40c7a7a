package dev.wasidl.keyvalue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.cli.CliRun;
import dev.wasidl.cli.ValText;
import dev.wasidl.testkit.core.ChildJvm;
import dev.wasidl.types.ListType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.Val;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same unchanged app component (keyvalue-js) against each provider of wasi:keyvalue, through
 * {@code wasidl run --invoke} in process: every provider must make it print exactly {@link
 * KeyValueHostTest#EXPECTED}. Adding a provider is one row of {@link #providers()}.
 */
class KeyValueConformanceTest {
  static final Path GUESTS = Path.of("..", "testdata", "resources", "guests");
  static final String RUN = "test:kv-app/app@0.1.0#run()";

  /**
   * A provider: its name, and the {@code wasidl run} arguments that make the app use it (options,
   * then the component), computed when its row runs (e.g. after composing a file).
   */
  record Provider(String name, Callable<List<String>> arguments) {
    @Override
    public String toString() {
      return name;
    }
  }

  static String guest(String name) {
    return GUESTS.resolve(name).toString();
  }

  /** The app, unchanged, with {@code options} defining its provider. */
  static Callable<List<String>> app(String... options) {
    return () -> {
      List<String> args = new ArrayList<>(List.of(options));
      args.add(guest("keyvalue-js.wasm"));
      return args;
    };
  }

  static Stream<Provider> providers() {
    return Stream.of(
        new Provider("1: the built-in host (--keyvalue)", app("--keyvalue")),
        new Provider(
            "2a: kv-memory-c composed ahead of time (wasidl compose --plug)",
            composed("kv-memory-c.wasm")),
        new Provider(
            "2b: kv-memory-c plugged in at run time (--plug)",
            app("--plug", guest("kv-memory-c.wasm"))),
        new Provider(
            "3: kv-sqlite-c on a fresh SQLite file through wasi:dl (--plug, --dl --allow-lib)",
            () -> app(sqlite(freshDatabase())).call()),
        new Provider(
            "3i: the same, wasi:dl's native calls in a worker process (--dl-isolate)",
            () -> app(isolated(sqlite(freshDatabase()))).call()),
        new Provider(
            "4: kv-memory-c served over wRPC by another wasidl process (--plug tcp://)",
            () -> app("--plug", "tcp://127.0.0.1:" + served().address().getPort()).call()));
  }

  /** The options plugging kv-sqlite-c on {@code database}, with only libsqlite3 allowed. */
  static String[] sqlite(Path database) {
    return new String[] {
      "--dl",
      "--allow-lib",
      "libsqlite3.so.0",
      "--env",
      "KV_SQLITE_PATH=" + database,
      "--plug",
      guest("kv-sqlite-c.wasm")
    };
  }

  /** {@code options} with {@code --dl-isolate} after {@code --dl}. */
  static String[] isolated(String[] options) {
    List<String> o = new ArrayList<>(List.of(options));
    o.add(o.indexOf("--dl") + 1, "--dl-isolate");
    return o.toArray(String[]::new);
  }

  static Path freshDatabase() throws IOException {
    Path dir = Files.createTempDirectory("kv-sqlite");
    dir.toFile().deleteOnExit();
    Path db = dir.resolve("kv.sqlite3");
    for (String suffix : List.of("", "-wal", "-shm")) { // deleted in reverse: files, then dir
      dir.resolve("kv.sqlite3" + suffix).toFile().deleteOnExit();
    }
    return db;
  }

  private static @Nullable ServeProcess served;

  /** {@code wasidl serve} of kv-memory-c in a JVM of its own, started by the row that needs it. */
  static synchronized ServeProcess served() throws IOException {
    if (served == null) {
      served = ServeProcess.start(Path.of(guest("kv-memory-c.wasm")).toAbsolutePath());
    }
    return served;
  }

  @AfterAll
  static synchronized void stopServing() throws IOException {
    if (served != null) {
      served.close();
      served = null;
    }
  }

  /** The app composed with {@code plugin} by {@code wasidl compose} into a temporary file. */
  static Callable<List<String>> composed(String plugin) {
    return () -> {
      Path dir = Files.createTempDirectory("kv-conformance");
      Path out = dir.resolve("keyvalue-js+" + plugin);
      dir.toFile().deleteOnExit();
      out.toFile().deleteOnExit();
      CliRun r =
          CliRun.wasidl(
              "compose", "--plug", guest(plugin), guest("keyvalue-js.wasm"), "-o", out.toString());
      assertEquals(0, r.code(), r.toString());
      return List.of(out.toString());
    };
  }

  /** What {@code wasidl run --invoke} prints for a report: one WAVE list of strings. */
  static String printed(List<String> report) {
    return ValText.print(
            new ListType(Primitive.STRING),
            new Val.ListVal(report.stream().<Val>map(Val.Str::new).toList()))
        + "\n";
  }

  /**
   * Provider 3's data survives the process: two {@code wasidl run} processes, one after the other,
   * on the same SQLite file; the second sees the first's data (KeyValuePluginTest#secondRun).
   */
  @Test
  void sqliteDataSurvivesARestartOfTheProcess() throws Exception {
    Path db = freshDatabase();
    List<String> args = new ArrayList<>(List.of("run", "--trap-unknown-imports", "--invoke", RUN));
    args.addAll(List.of(sqlite(db)));
    args.add(guest("keyvalue-js.wasm"));
    List<String> command = ChildJvm.wasidl(args.toArray(String[]::new));
    for (List<String> expected :
        List.of(KeyValueHostTest.EXPECTED, KeyValuePluginTest.secondRun())) {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "wasidl run did not end");
      assertEquals(0, p.exitValue(), out);
      assertEquals(printed(expected), out);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void theAppReportsExactlyTheExpectedLines(Provider provider) throws Exception {
    List<String> args = new ArrayList<>(List.of("run", "--trap-unknown-imports", "--invoke", RUN));
    args.addAll(provider.arguments().call());
    CliRun r = CliRun.wasidl(args.toArray(String[]::new));
    String shown = "wasidl " + String.join(" ", args) + "\n" + r;
    assertEquals(0, r.code(), shown);
    assertEquals("", r.err(), shown);
    assertEquals(printed(KeyValueHostTest.EXPECTED), r.out(), shown);
  }
}
