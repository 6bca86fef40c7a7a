package dev.wasidl.keyvalue;

import static dev.wasidl.cli.CliRun.wasidl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.cli.CliRun;
import dev.wasidl.component.ComponentDef;
import dev.wasidl.testkit.plugins.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Provider 2a of wasi:keyvalue: {@code wasidl compose --plug kv-memory-c.wasm keyvalue-js.wasm}
 * (and the SQLite plugin) writes one component that imports only what the host provides (WASI, and
 * wasi:dl for SQLite); it reports exactly {@link KeyValueHostTest#EXPECTED} through {@code wasidl
 * run} and on node + jco (WASI from preview2-shim). The 12.7 MB output is composed at test time.
 */
class KeyValueComposeTest {
  static final String RUN = "test:kv-app/app@0.1.0#run()";

  private static Path dir;
  private static Path composed;
  private static Path composedSqlite;

  static Path compose(String plugin) throws IOException {
    Path app = dir.resolve("keyvalue-js.wasm");
    if (!Files.exists(app)) {
      Files.write(app, KeyValueHostTest.guest("keyvalue-js.wasm"));
    }
    Path pluginFile = Files.write(dir.resolve(plugin), KeyValueHostTest.guest(plugin));
    Path out = dir.resolve("composed-" + plugin);
    CliRun r =
        wasidl("compose", "--plug", pluginFile.toString(), app.toString(), "-o", out.toString());
    assertEquals(new CliRun(0, "", ""), r);
    return out;
  }

  @BeforeAll
  static void composeTheApp() throws IOException {
    dir = Files.createTempDirectory("kv-compose");
    composed = compose("kv-memory-c.wasm");
    composedSqlite = compose("kv-sqlite-c.wasm");
  }

  @AfterAll
  static void cleanUp() throws IOException {
    KeyValuePluginTest.deleteTree(dir);
  }

  /** {@code ["a", "b"]}: how wasidl run prints a list of strings (WAVE). */
  static String wave(List<String> report) {
    return report.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ", "[", "]"));
  }

  @Test
  void onlyTheHostsImportsRemain() throws IOException {
    ComponentDef c = ComponentDef.decode(Files.readAllBytes(composed));
    List<String> imports = c.imports().stream().map(i -> i.name().text()).toList();
    assertTrue(imports.stream().noneMatch(i -> i.startsWith("wasi:keyvalue/")), imports.toString());
    assertTrue(imports.contains("wasi:cli/stdout@0.2.12"), imports.toString());
    assertEquals(
        List.of("test:kv-app/app@0.1.0"), c.exports().stream().map(e -> e.name().text()).toList());
    ComponentDef sqlite = ComponentDef.decode(Files.readAllBytes(composedSqlite));
    assertTrue(sqlite.importNamed("wasi:dl/dll@0.2.0-draft").isPresent());
  }

  @Test
  void wasidlRunReportsAsTheBuiltInProvider() {
    CliRun r = wasidl("run", "--trap-unknown-imports", "--invoke", RUN, composed.toString());
    assertEquals(new CliRun(0, wave(KeyValueHostTest.EXPECTED) + "\n", ""), r);
  }

  @Test
  void wasidlRunWithTheSqlitePluginThroughWasiDl() throws IOException {
    Path db = dir.resolve("kv.sqlite3");
    List<String> run =
        List.of(
            "run",
            "--dl",
            "--allow-lib",
            "libsqlite3.so.0",
            "--env",
            "KV_SQLITE_PATH=" + db,
            "--trap-unknown-imports",
            "--invoke",
            RUN,
            composedSqlite.toString());
    CliRun first = wasidl(run.toArray(String[]::new));
    assertEquals(new CliRun(0, wave(KeyValueHostTest.EXPECTED) + "\n", ""), first);
    CliRun second = wasidl(run.toArray(String[]::new));
    assertEquals(new CliRun(0, wave(KeyValuePluginTest.secondRun()) + "\n", ""), second);
    assertTrue(Files.size(db) > 0, "no database file");
  }

  @Test
  void nodeWithJcoReportsTheSame() throws IOException, InterruptedException {
    String json =
        KeyValueHostTest.EXPECTED.stream()
            .map(s -> "\"" + s + "\"")
            .collect(Collectors.joining(",", "[", "]"));
    assertEquals(
        "{\"stdout\":\"\",\"stderr\":\"\",\"exit\":0,\"calls\":[{\"call\":\"app.run\",\"value\":"
            + json
            + "}]}\n",
        Node.run("wasi-run.mjs", "--call", "app.run", "[]", composed.toString()));
    assertTrue(
        Node.run("node_modules/@bytecodealliance/jco/dist/jco.js", "print", composed.toString())
            .contains("\"test:kv-app/app@0.1.0\" (instance"));
  }
}
