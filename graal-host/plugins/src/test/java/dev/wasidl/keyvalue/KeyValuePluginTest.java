package dev.wasidl.keyvalue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.dl.DlCtx;
import dev.wasidl.dl.DlView;
import dev.wasidl.dl.WasiDl;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.keyvalue.app.test.kv_app.AppGuest;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.testkit.plugins.Node;
import dev.wasidl.wasi.Wasi;
import dev.wasidl.wasi.WasiConfig;
import dev.wasidl.wasi.WasiCtx;
import dev.wasidl.wasi.WasiView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Provider 2 of wasi:keyvalue: the plugin component kv-memory-c (guests/kv-plugin-c, C, its data in
 * its own memory) composed with the keyvalue app by hand (node/compose-by-hand.mjs: component WAT),
 * so the app's keyvalue calls go from component to component. The composition reports exactly what
 * the built-in Java provider does, on our runtime and on node + jco.
 */
class KeyValuePluginTest {
  private static Path dir;
  private static Path composed;
  private static Path composedSqlite;

  record Data(WasiCtx wasi) implements WasiView {}

  /** WASI and wasi:dl, for the SQLite plugin. */
  record DlData(WasiCtx wasi, DlCtx dl) implements WasiView, DlView, AutoCloseable {
    @Override
    public void close() {
      dl.close();
      wasi.close();
    }
  }

  /** The plugin composed with the app (by node/compose-by-hand.mjs), in a temporary file. */
  static Path compose(Path dir, String plugin) throws IOException, InterruptedException {
    Path pluginFile = dir.resolve(plugin);
    Path app = dir.resolve("keyvalue-js.wasm");
    if (!Files.exists(app)) {
      Files.write(app, KeyValueHostTest.guest("keyvalue-js.wasm"));
    }
    Files.write(pluginFile, KeyValueHostTest.guest(plugin));
    Path out = dir.resolve("composed-" + plugin);
    Node.run("compose-by-hand.mjs", pluginFile.toString(), app.toString(), out.toString());
    return out;
  }

  static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @BeforeAll
  static void composeTheApp() throws IOException, InterruptedException {
    dir = Files.createTempDirectory("kv-plugin");
    composed = compose(dir, "kv-memory-c.wasm");
    composedSqlite = compose(dir, "kv-sqlite-c.wasm");
  }

  @AfterAll
  static void cleanUp() throws IOException {
    deleteTree(dir);
  }

  @Test
  void composedAppReportsAsTheBuiltInProvider() throws IOException {
    try (GraalRuntime runtime = GraalRuntime.create()) {
      Linker linker = Linker.of(runtime);
      Wasi.add(linker);
      linker.defineUnknownImportsAsTraps();
      Component app = Component.of("keyvalue-js+kv-memory-c", Files.readAllBytes(composed));
      try (WasiCtx wasi = new WasiCtx(WasiConfig.builder().build());
          Instance instance = linker.instantiate(app, new Data(wasi))) {
        List<String> report = new AppGuest(instance).run();
        assertEquals(KeyValueHostTest.EXPECTED, report, String.join("\n", report));
      }
    }
  }

  /** The second run's report on a store holding the first run's data (KeyValueHostTest's). */
  static List<String> secondRun() {
    List<String> second = new java.util.ArrayList<>(KeyValueHostTest.EXPECTED);
    second.set(second.indexOf("increment counter +5: ok 5"), "increment counter +5: ok 13");
    second.set(second.indexOf("increment counter +3: ok 8"), "increment counter +3: ok 16");
    second.set(second.indexOf("get counter: [8 0 0 0 0 0 0 0]"), "get counter: [16 0 0 0 0 0 0 0]");
    second.set(second.indexOf("cas new-key current: none"), "cas new-key current: created");
    second.set(second.indexOf("list-keys page 2: [c] end"), "list-keys page 2: [c, counter] more");
    second.add(second.indexOf("increment counter +5: ok 13"), "list-keys page 3: [new-key] end");
    return second;
  }

  /**
   * Provider 3: the same exports on a SQLite database file through wasi:dl (libsqlite3.so.0, the
   * only library allowed; the file from KV_SQLITE_PATH). A fresh file gives the first report; a
   * second instance (its own plugin instance, its own SQLite connection) on the same file sees the
   * first one's data.
   */
  @Test
  void sqlitePluginKeepsTheDataInItsFile() throws IOException {
    Path db = dir.resolve("kv.sqlite3");
    try (GraalRuntime runtime = GraalRuntime.create()) {
      Linker linker = Linker.of(runtime);
      Wasi.add(linker);
      WasiDl.add(linker);
      linker.defineUnknownImportsAsTraps();
      Component app = Component.of("keyvalue-js+kv-sqlite-c", Files.readAllBytes(composedSqlite));
      List<List<String>> reports = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        try (DlData data =
                new DlData(
                    new WasiCtx(WasiConfig.builder().env("KV_SQLITE_PATH", db.toString()).build()),
                    new DlCtx(DlPolicy.builder().allow("libsqlite3.so.0").build()));
            Instance instance = linker.instantiate(app, data)) {
          reports.add(new AppGuest(instance).run());
        }
      }
      assertEquals(KeyValueHostTest.EXPECTED, reports.get(0), String.join("\n", reports.get(0)));
      assertEquals(secondRun(), reports.get(1), String.join("\n", reports.get(1)));
    }
    assertTrue(Files.size(db) > 0, "no database file");
  }

  @Test
  void composedAppOnNodeReportsTheSame() throws IOException, InterruptedException {
    String out = Node.run("keyvalue-node.mjs", composed.toString());
    assertEquals(KeyValueHostTest.EXPECTED, out.lines().toList(), out);
  }
}
