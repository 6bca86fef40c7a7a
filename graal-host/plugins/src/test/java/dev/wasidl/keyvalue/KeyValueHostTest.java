package dev.wasidl.keyvalue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.keyvalue.app.test.kv_app.AppGuest;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.testkit.component.Guests;
import dev.wasidl.testkit.plugins.Node;
import dev.wasidl.wasi.Wasi;
import dev.wasidl.wasi.WasiConfig;
import dev.wasidl.wasi.WasiCtx;
import dev.wasidl.wasi.WasiView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The keyvalue app (keyvalue-js: jco componentize) runs on the built-in in-memory wasi:keyvalue
 * provider, linked through the generated bindings, and reports every step.
 */
class KeyValueHostTest {
  /** What the app reports on an empty store with pages of 2 keys. */
  static final List<String> EXPECTED =
      List.of(
          "open app: ok",
          "set b, a, c, d",
          "get a: one",
          "get missing: none",
          "exists a: true",
          "exists missing: false",
          "delete d, exists d: false",
          "delete never-there: ok",
          "list-keys page 1: [a, b] more",
          "list-keys page 2: [c] end",
          "increment counter +5: ok 5",
          "increment counter +3: ok 8",
          "get counter: [8 0 0 0 0 0 0 0]",
          "increment a +1: err other(the value of a is not a 64-bit integer)",
          "cas a current: one",
          "swap a -> uno: ok",
          "get a: uno",
          "stale cas current: uno",
          "swap a -> x after a changed: err cas-failed",
          "get a: eins",
          "cas new-key current: none",
          "swap new-key -> created: ok",
          "set-many x, y",
          "get-many x, missing, y: x=1, none, y=2",
          "delete-many x, y, missing; exists x: false",
          "list-keys page 1: [a, b] more",
          "list-keys page 2: [c, counter] more",
          "list-keys page 3: [new-key] end",
          "open app again, get a: eins",
          "open other, exists a: false",
          "open empty name: err no-such-store");

  /** An instance's data: WASI (the JS engine's own imports) and its keyvalue host. */
  record Data(WasiCtx wasi, KeyValueHost keyValue) implements WasiView, KeyValueHost.View {}

  static byte[] guest(String name) {
    return Guests.bytes(name);
  }

  /**
   * Two instances, each with its own host (handle table), share one store: the second run sees the
   * first one's data (the counter goes on from 8) and nothing else changes.
   */
  @Test
  void twoInstancesShareTheStore() {
    try (GraalRuntime runtime = GraalRuntime.create()) {
      Linker linker = Linker.of(runtime);
      Wasi.add(linker);
      KeyValueHost.add(linker);
      linker.defineUnknownImportsAsTraps();
      Component app = Component.of("keyvalue-js", guest("keyvalue-js.wasm"));
      InMemoryKeyValue store = new InMemoryKeyValue(2);
      List<List<String>> reports = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        try (WasiCtx wasi = new WasiCtx(WasiConfig.builder().build());
            Instance instance = linker.instantiate(app, new Data(wasi, new KeyValueHost(store)))) {
          reports.add(new AppGuest(instance).run());
        }
      }
      assertEquals(EXPECTED, reports.get(0));
      List<String> second = new java.util.ArrayList<>(EXPECTED);
      second.set(second.indexOf("increment counter +5: ok 5"), "increment counter +5: ok 13");
      second.set(second.indexOf("increment counter +3: ok 8"), "increment counter +3: ok 16");
      second.set(
          second.indexOf("get counter: [8 0 0 0 0 0 0 0]"), "get counter: [16 0 0 0 0 0 0 0]");
      second.set(second.indexOf("cas new-key current: none"), "cas new-key current: created");
      // new-key exists already, its CAS snapshot is "created": the swap still succeeds
      // list-keys: counter and new-key are already there from the first run
      second.set(
          second.indexOf("list-keys page 2: [c] end"), "list-keys page 2: [c, counter] more");
      second.add(second.indexOf("increment counter +5: ok 13"), "list-keys page 3: [new-key] end");
      assertEquals(second, reports.get(1), String.join("\n", reports.get(1)));
    }
  }

  @Test
  void appReportsEveryOperation() {
    try (GraalRuntime runtime = GraalRuntime.create()) {
      Linker linker = Linker.of(runtime);
      Wasi.add(linker);
      KeyValueHost.add(linker);
      linker.defineUnknownImportsAsTraps();
      Component app = Component.of("keyvalue-js", guest("keyvalue-js.wasm"));
      InMemoryKeyValue store = new InMemoryKeyValue(2);
      try (WasiCtx wasi = new WasiCtx(WasiConfig.builder().build());
          Instance instance = linker.instantiate(app, new Data(wasi, new KeyValueHost(store)))) {
        List<String> report = new AppGuest(instance).run();
        assertEquals(EXPECTED, report, String.join("\n", report));
      }
    }
  }

  /**
   * Differential: the same component on node + jco with a JavaScript in-memory keyvalue
   * (node/keyvalue-node.mjs) reports the same lines.
   */
  @Test
  void nodeWithAJavaScriptKeyValueReportsTheSame() throws IOException, InterruptedException {
    Path wasm = Files.createTempFile("keyvalue-js", ".wasm");
    try {
      Files.write(wasm, guest("keyvalue-js.wasm"));
      String out = Node.run("keyvalue-node.mjs", wasm.toString());
      assertEquals(EXPECTED, out.lines().toList(), out);
    } finally {
      Files.deleteIfExists(wasm);
    }
  }
}
