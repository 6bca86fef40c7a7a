package dev.wasidl.benchmarks;

import dev.wasidl.bindings.Convert;
import dev.wasidl.compose.Composer;
import dev.wasidl.compose.Part;
import dev.wasidl.dl.DlCtx;
import dev.wasidl.dl.DlView;
import dev.wasidl.dl.WasiDl;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Func;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.runtime.LinkerInstance;
import dev.wasidl.types.BorrowType;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.OptionType;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import dev.wasidl.types.VariantType;
import dev.wasidl.wasi.Wasi;
import dev.wasidl.wasi.WasiConfig;
import dev.wasidl.wasi.WasiCtx;
import dev.wasidl.wasi.WasiView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does one wasi:keyvalue call cost, per provider (issue 9)? The kv-bench-c guest calls {@code
 * get} / {@code set} / {@code increment} {@value #CALLS} times in a loop inside the guest, so one
 * operation here is one keyvalue call from a component (its own call in amortized):
 *
 * <ul>
 *   <li>{@code host}: provider 1's kind, a Java in-memory store defined on the Linker (a minimal
 *       copy of graal-host's test-scope {@code KeyValueHost} rules: get, set, increment);
 *   <li>{@code plug}: provider 2, the kv-memory-c plugin component, its own instance plugged into
 *       the app's imports ({@code Linker.plug});
 *   <li>{@code composed}: kv-bench-c and kv-memory-c nested in one component by {@code wasidl
 *       compose} ({@link Composer}), so the calls cross between two nested instances;
 *   <li>{@code sqlite}: provider 3, the kv-sqlite-c plugin plugged in: libsqlite3 through wasi:dl
 *       on a fresh database file (WAL, synchronous=NORMAL).
 * </ul>
 *
 * <p>TODO {@code rpc}: the plugin served over wRPC ({@code wasidl serve}) is not on main yet.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class KeyValueProviders {
  /** Keyvalue calls per benchmark operation (the guest's loop). */
  static final int CALLS = 100;

  private static final String BENCH = "test:kv-bench/bench@0.1.0";

  @Param({"host", "plug", "composed", "sqlite"})
  public String provider;

  private GraalRuntime runtime;
  private Instance plugin;
  private Instance app;
  private Func getLoop;
  private Func setLoop;
  private Func incrementLoop;
  private Path dir;
  private DlData data;
  private final List<Val> args =
      List.of(new Val.Str("bench"), new Val.Str("key"), new Val.U32(CALLS));

  /** WASI (the SQLite plugin's environment) and wasi:dl. */
  record DlData(WasiCtx wasi, DlCtx dl) implements WasiView, DlView {}

  @Setup
  public void setUp() throws IOException {
    runtime = Wasm.compiledRuntime();
    Linker linker = Linker.of(runtime);
    String guest = "kv-bench-c.wasm";
    byte[] composed = null;
    switch (provider) {
      case "host" -> HostStore.add(linker);
      case "plug" -> {
        Linker plugLinker = Linker.of(runtime);
        plugin =
            plugLinker.instantiate(Component.of("kv-memory-c", Wasm.guest("kv-memory-c.wasm")));
        linker.plug(plugin);
      }
      case "composed" -> {
        guest = "kv-bench-c+kv-memory-c";
        composed =
            Composer.compose(
                Part.of("kv-bench-c", Wasm.guest("kv-bench-c.wasm")),
                List.of(Part.of("kv-memory-c", Wasm.guest("kv-memory-c.wasm"))));
      }
      case "sqlite" -> {
        dir = Files.createTempDirectory("kv-bench");
        Linker plugLinker = Linker.of(runtime);
        Wasi.add(plugLinker);
        WasiDl.add(plugLinker);
        data =
            new DlData(
                new WasiCtx(
                    WasiConfig.builder()
                        .env("KV_SQLITE_PATH", dir.resolve("kv.sqlite3").toString())
                        .build()),
                new DlCtx(DlPolicy.builder().allow("libsqlite3.so.0").build()));
        plugin =
            plugLinker.instantiate(
                Component.of("kv-sqlite-c", Wasm.guest("kv-sqlite-c.wasm")), data);
        linker.plug(plugin);
      }
      default -> throw new IllegalArgumentException("unknown provider " + provider);
    }
    linker.defineUnknownImportsAsTraps();
    app = linker.instantiate(Component.of(guest, composed != null ? composed : Wasm.guest(guest)));
    getLoop = app.func(BENCH, "get-loop").orElseThrow();
    setLoop = app.func(BENCH, "set-loop").orElseThrow();
    incrementLoop = app.func(BENCH, "increment-loop").orElseThrow();
    // the value get reads: 8 bytes
    setLoop.call(new Val.Str("bench"), new Val.Str("key"), new Val.U32(1));
    Val read = getLoop.call(args).orElseThrow();
    if (!read.equals(new Val.U32(8L * CALLS))) {
      throw new IllegalStateException(provider + ": get-loop read " + read);
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    app.close();
    if (plugin != null) {
      plugin.close();
    }
    runtime.close();
    if (data != null) {
      data.dl().close();
      data.wasi().close();
    }
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public Optional<Val> get() {
    return getLoop.call(args);
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public Optional<Val> set() {
    return setLoop.call(args);
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public Optional<Val> increment() {
    return incrementLoop.call(new Val.Str("bench"), new Val.Str("counter"), new Val.U32(CALLS));
  }

  /**
   * The host provider: buckets of sorted keys in Java maps, defined with the Linker's dynamic API
   * (the benchmarks do not generate bindings). Same rules as graal-host's KeyValueHost for what
   * kv-bench-c calls: open (empty name: no-such-store), get, set, increment (8-byte little-endian
   * s64; other sizes and overflow are an error).
   */
  static final class HostStore {
    static final ResourceType BUCKET = ResourceType.host("bucket");
    static final ResourceType CAS = ResourceType.host("cas");
    static final Type ERROR =
        VariantType.of(
            VariantType.Case.of("no-such-store"),
            VariantType.Case.of("access-denied"),
            VariantType.Case.of("other", Primitive.STRING));

    private final Map<String, Map<String, byte[]>> buckets = new HashMap<>();
    private final Map<Integer, Map<String, byte[]>> handles = new HashMap<>();
    private int next = 1;

    private static Val error(String tag, Optional<Val> payload) {
      return Val.ResultVal.err(new Val.Variant(tag, payload));
    }

    static void add(Linker linker) {
      HostStore s = new HostStore();
      LinkerInstance store = linker.instance("wasi:keyvalue/store@0.2.0-draft2");
      store.resource("bucket", BUCKET, (cx, rep) -> s.handles.remove(rep));
      store.func(
          "open",
          new FuncType(
              List.of(new FuncType.Param("identifier", Primitive.STRING)),
              Optional.of(result(new OwnType(BUCKET)))),
          (cx, a) -> {
            String id = Convert.asString(a.get(0));
            if (id.isEmpty()) {
              return Optional.of(error("no-such-store", Optional.empty()));
            }
            int rep = s.next++;
            s.handles.put(rep, s.buckets.computeIfAbsent(id, k -> new TreeMap<>()));
            return Optional.of(Val.ResultVal.ok(new Val.Own(rep)));
          });
      store.func(
          "[method]bucket.get",
          new FuncType(
              List.of(
                  new FuncType.Param("self", new BorrowType(BUCKET)),
                  new FuncType.Param("key", Primitive.STRING)),
              Optional.of(result(new OptionType(new ListType(Primitive.U8))))),
          (cx, a) -> {
            byte[] v = s.bucket(a.get(0)).get(Convert.asString(a.get(1)));
            return Optional.of(
                Val.ResultVal.ok(
                    new Val.OptionVal(
                        v == null ? Optional.empty() : Optional.of(Convert.bytes(v.clone())))));
          });
      store.func(
          "[method]bucket.set",
          new FuncType(
              List.of(
                  new FuncType.Param("self", new BorrowType(BUCKET)),
                  new FuncType.Param("key", Primitive.STRING),
                  new FuncType.Param("value", new ListType(Primitive.U8))),
              Optional.of(new ResultType(Optional.empty(), Optional.of(ERROR)))),
          (cx, a) -> {
            s.bucket(a.get(0)).put(Convert.asString(a.get(1)), Convert.asBytes(a.get(2)));
            return Optional.of(Val.ResultVal.ok());
          });
      LinkerInstance atomics = linker.instance("wasi:keyvalue/atomics@0.2.0-draft2");
      atomics.resource("cas", CAS, (cx, rep) -> {});
      atomics.func(
          "increment",
          new FuncType(
              List.of(
                  new FuncType.Param("bucket", new BorrowType(BUCKET)),
                  new FuncType.Param("key", Primitive.STRING),
                  new FuncType.Param("delta", Primitive.S64)),
              Optional.of(result(Primitive.S64))),
          (cx, a) -> {
            Map<String, byte[]> b = s.bucket(a.get(0));
            String key = Convert.asString(a.get(1));
            byte[] v = b.get(key);
            long old = 0;
            if (v != null) {
              if (v.length != 8) {
                return Optional.of(
                    error(
                        "other",
                        Optional.of(
                            new Val.Str("the value of " + key + " is not a 64-bit integer"))));
              }
              for (int i = 7; i >= 0; i--) {
                old = (old << 8) | (v[i] & 0xFF);
              }
            }
            long sum;
            try {
              sum = Math.addExact(old, Convert.asS64(a.get(2)));
            } catch (ArithmeticException e) {
              return Optional.of(
                  error(
                      "other", Optional.of(new Val.Str("incrementing " + key + " overflows s64"))));
            }
            byte[] out = new byte[8];
            for (int i = 0; i < 8; i++) {
              out[i] = (byte) (sum >>> (8 * i));
            }
            b.put(key, out);
            return Optional.of(Val.ResultVal.ok(new Val.S64(sum)));
          });
    }

    private static ResultType result(Type ok) {
      return new ResultType(Optional.of(ok), Optional.of(ERROR));
    }

    private Map<String, byte[]> bucket(Val handle) {
      Map<String, byte[]> b = handles.get(Convert.asResource(handle).rep());
      if (b == null) {
        throw new IllegalStateException("no bucket " + handle);
      }
      return b;
    }
  }
}
