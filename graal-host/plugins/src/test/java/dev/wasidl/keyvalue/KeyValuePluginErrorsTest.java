package dev.wasidl.keyvalue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.dl.DlCtx;
import dev.wasidl.dl.WasiDl;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.types.Val;
import dev.wasidl.wasi.Wasi;
import dev.wasidl.wasi.WasiConfig;
import dev.wasidl.wasi.WasiCtx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The keyvalue plugins (guests/kv-plugin-c) called directly from Java, for what the app does not
 * reach: each error case's exact text, the handle a failed swap hands back, and the SQLite
 * backend's failures (no database file, no library allowed, a key with a NUL byte) as
 * other("sqlite: ...") results, after which the plugin still works.
 */
class KeyValuePluginErrorsTest {
  private static final String STORE = "wasi:keyvalue/store@0.2.0-draft2";
  private static final String ATOMICS = "wasi:keyvalue/atomics@0.2.0-draft2";
  private static GraalRuntime runtime;

  @BeforeAll
  static void start() {
    runtime = GraalRuntime.create();
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  private static Val str(String s) {
    return new Val.Str(s);
  }

  private static Val bytes(int... b) {
    return new Val.ListVal(java.util.Arrays.stream(b).mapToObj(x -> (Val) new Val.U8(x)).toList());
  }

  private static Optional<Val> other(String message) {
    return Optional.of(Val.ResultVal.err(new Val.Variant("other", Optional.of(str(message)))));
  }

  private static Optional<Val> call(Instance i, String iface, String fn, Val... args) {
    return i.func(iface, fn).orElseThrow().call(args);
  }

  /** open(name)'s bucket rep (asserting ok). */
  private static int open(Instance i, String name) {
    Val.ResultVal r = (Val.ResultVal) call(i, STORE, "open", str(name)).orElseThrow();
    assertTrue(r.isOk(), () -> "open " + name + ": " + r);
    return ((Val.Own) r.payload().orElseThrow()).rep();
  }

  @Test
  void memoryPluginErrorsAndAFailedSwap() {
    try (Instance i =
        Linker.of(runtime)
            .instantiate(Component.of("kv-memory-c", KeyValueHostTest.guest("kv-memory-c.wasm")))) {
      assertEquals(
          Optional.of(Val.ResultVal.err(new Val.Variant("no-such-store", Optional.empty()))),
          call(i, STORE, "open", str("")));
      Val b = new Val.Borrow(open(i, "b"));
      assertEquals(
          Optional.of(Val.ResultVal.ok()),
          call(i, STORE, "[method]bucket.set", b, str("k"), bytes(1, 2, 3)));
      assertEquals(
          other("the value of k is not a 64-bit integer"),
          call(i, ATOMICS, "increment", b, str("k"), new Val.S64(1)));
      assertEquals(
          Optional.of(Val.ResultVal.ok(new Val.S64(Long.MAX_VALUE))),
          call(i, ATOMICS, "increment", b, str("n"), new Val.S64(Long.MAX_VALUE)));
      assertEquals(
          other("incrementing n overflows s64"),
          call(i, ATOMICS, "increment", b, str("n"), new Val.S64(1)));
      assertEquals(
          Optional.of(Val.ResultVal.ok(new Val.S64(Long.MIN_VALUE + 1))),
          call(i, ATOMICS, "increment", b, str("m"), new Val.S64(Long.MIN_VALUE + 1)));
      // a cas whose key changed: the swap fails and hands the cas back, still usable
      Val.ResultVal made =
          (Val.ResultVal) call(i, ATOMICS, "[static]cas.new", b, str("k")).orElseThrow();
      int cas = ((Val.Own) made.payload().orElseThrow()).rep();
      call(i, STORE, "[method]bucket.set", b, str("k"), bytes(4));
      Val.ResultVal swap =
          (Val.ResultVal) call(i, ATOMICS, "swap", new Val.Own(cas), bytes(5)).orElseThrow();
      assertTrue(!swap.isOk(), swap::toString);
      Val.Variant failed = (Val.Variant) swap.payload().orElseThrow();
      assertEquals("cas-failed", failed.caseName());
      int back = ((Val.Own) failed.payload().orElseThrow()).rep();
      assertEquals(
          Optional.of(Val.ResultVal.ok(new Val.OptionVal(Optional.of(bytes(1, 2, 3))))),
          call(i, ATOMICS, "[method]cas.current", new Val.Borrow(back)));
      // list-keys of an empty bucket: no keys, no cursor
      Val e = new Val.Borrow(open(i, "empty"));
      assertEquals(
          Optional.of(
              Val.ResultVal.ok(
                  new Val.RecordVal(
                      List.of(
                          new Val.Field("keys", new Val.ListVal(List.of())),
                          new Val.Field("cursor", new Val.OptionVal(Optional.empty())))))),
          call(i, STORE, "[method]bucket.list-keys", e, new Val.OptionVal(Optional.empty())));
    }
  }

  /** A kv-sqlite-c instance and its data (closed together). */
  record Sqlite(Instance instance, KeyValuePluginTest.DlData data) implements AutoCloseable {
    @Override
    public void close() {
      instance.close();
      data.close();
    }
  }

  /** kv-sqlite-c with WASI (its environment) and wasi:dl under {@code policy}. */
  private static Sqlite sqlite(String path, DlPolicy policy) {
    Linker linker = Linker.of(runtime);
    Wasi.add(linker);
    WasiDl.add(linker);
    KeyValuePluginTest.DlData data =
        new KeyValuePluginTest.DlData(
            new WasiCtx(WasiConfig.builder().env("KV_SQLITE_PATH", path).build()),
            new DlCtx(policy));
    return new Sqlite(
        linker.instantiate(
            Component.of("kv-sqlite-c", KeyValueHostTest.guest("kv-sqlite-c.wasm")), data),
        data);
  }

  private static final DlPolicy SQLITE = DlPolicy.builder().allow("libsqlite3.so.0").build();

  @Test
  void sqliteCannotOpenTheFile() {
    try (Sqlite s = sqlite("/nonexistent-kv-dir/kv.sqlite3", SQLITE)) {
      Instance i = s.instance();
      assertEquals(other("sqlite: unable to open database file"), call(i, STORE, "open", str("a")));
      // the failure sticks: every open says it
      assertEquals(other("sqlite: unable to open database file"), call(i, STORE, "open", str("b")));
    }
  }

  @Test
  void sqliteLibraryNotAllowed() {
    try (Sqlite s = sqlite("kv-never-created.sqlite3", DlPolicy.denyAll())) {
      Instance i = s.instance();
      Val.ResultVal r = (Val.ResultVal) call(i, STORE, "open", str("a")).orElseThrow();
      String message =
          ((Val.Str) ((Val.Variant) r.payload().orElseThrow()).payload().orElseThrow()).value();
      assertTrue(
          message.startsWith("sqlite: open libsqlite3.so.0: ") && message.contains("not allowed"),
          message);
    }
  }

  @Test
  void sqliteKeyWithANulIsAnErrorAndTheNextCallWorks() throws IOException {
    Path dir = Files.createTempDirectory("kv-sqlite");
    try (Sqlite s = sqlite(dir.resolve("kv.sqlite3").toString(), SQLITE)) {
      Instance i = s.instance();
      Val b = new Val.Borrow(open(i, "b"));
      assertEquals(
          other("sqlite: a key or bucket name with a NUL byte cannot be stored"),
          call(i, STORE, "[method]bucket.get", b, str("a\0b")));
      assertEquals(
          Optional.of(Val.ResultVal.ok()),
          call(i, STORE, "[method]bucket.set", b, str("k"), bytes(0, 255, 16, 0)));
      assertEquals(
          Optional.of(Val.ResultVal.ok(new Val.OptionVal(Optional.of(bytes(0, 255, 16, 0))))),
          call(i, STORE, "[method]bucket.get", b, str("k")));
      // an empty value is present, not absent
      call(i, STORE, "[method]bucket.set", b, str("empty"), bytes());
      assertEquals(
          Optional.of(Val.ResultVal.ok(new Val.OptionVal(Optional.of(bytes())))),
          call(i, STORE, "[method]bucket.get", b, str("empty")));
    } finally {
      KeyValuePluginTest.deleteTree(dir);
    }
  }
}
