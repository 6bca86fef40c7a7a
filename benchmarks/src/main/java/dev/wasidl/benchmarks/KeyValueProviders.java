package dev.wasidl.benchmarks;

import dev.wasidl.compose.Composer;
import dev.wasidl.compose.Part;
import dev.wasidl.dl.DlCtx;
import dev.wasidl.dl.DlView;
import dev.wasidl.dl.WasiDl;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.keyvalue.InMemoryKeyValue;
import dev.wasidl.keyvalue.KeyValueHost;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Func;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.types.Val;
import dev.wasidl.wasi.Wasi;
import dev.wasidl.wasi.WasiConfig;
import dev.wasidl.wasi.WasiCtx;
import dev.wasidl.wasi.WasiView;
import dev.wasidl.wrpc.RemotePlug;
import dev.wasidl.wrpc.Server;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 *   <li>{@code host}: provider 1, graal-host's built-in {@link KeyValueHost} on an {@link
 *       InMemoryKeyValue} (generated bindings);
 *   <li>{@code plug}: provider 2, the kv-memory-c plugin component, its own instance plugged into
 *       the app's imports ({@code Linker.plug});
 *   <li>{@code composed}: kv-bench-c and kv-memory-c nested in one component by {@code wasidl
 *       compose} ({@link Composer}), so the calls cross between two nested instances;
 *   <li>{@code sqlite}: provider 3, the kv-sqlite-c plugin plugged in: libsqlite3 through wasi:dl
 *       on a fresh database file (WAL, synchronous=NORMAL);
 *   <li>{@code rpc}: provider 4, kv-memory-c served over wRPC/TCP on loopback ({@link Server}, what
 *       {@code wasidl serve} runs, here in this JVM) and the app's imports forwarded to it ({@link
 *       RemotePlug}): a TCP connection per call, as wRPC's TCP transport has it.
 * </ul>
 *
 * <p>Warm-up is long (10 x 2 s): the guests, the plugins and GraalWasm's tiers take that long to
 * settle (with 5 x 1 s the scores still fell through the measurement).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class KeyValueProviders {
  /** Keyvalue calls per benchmark operation (the guest's loop). */
  static final int CALLS = 100;

  private static final String BENCH = "test:kv-bench/bench@0.1.0";

  @Param({"host", "plug", "composed", "sqlite", "rpc"})
  public String provider;

  private GraalRuntime runtime;
  private Instance plugin;
  private Instance app;
  private Func getLoop;
  private Func setLoop;
  private Func incrementLoop;
  private Path dir;
  private DlData data;
  private Server server;
  private RemotePlug remote;
  private final List<Val> args =
      List.of(new Val.Str("bench"), new Val.Str("key"), new Val.U32(CALLS));

  /** The app's data for the host provider: its keyvalue host. */
  record HostData(KeyValueHost keyValue) implements KeyValueHost.View {}

  /** WASI (the SQLite plugin's environment) and wasi:dl. */
  record DlData(WasiCtx wasi, DlCtx dl) implements WasiView, DlView {}

  @Setup
  public void setUp() throws IOException {
    runtime = Wasm.compiledRuntime();
    Linker linker = Linker.of(runtime);
    String guest = "kv-bench-c.wasm";
    byte[] composed = null;
    Object appData = null;
    switch (provider) {
      case "host" -> {
        KeyValueHost.add(linker);
        appData = new HostData(new KeyValueHost(new InMemoryKeyValue(2)));
      }
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
      case "rpc" -> {
        Linker serverLinker = Linker.of(runtime);
        Component kv = Component.of("kv-memory-c", Wasm.guest("kv-memory-c.wasm"));
        server =
            Server.start(
                kv,
                () -> serverLinker.instantiate(kv),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Duration.ofSeconds(30),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        remote =
            RemotePlug.define(
                linker,
                Component.of(guest, Wasm.guest(guest)),
                server.address(),
                Duration.ofSeconds(30),
                name -> !linker.defines(name));
      }
      default -> throw new IllegalArgumentException("unknown provider " + provider);
    }
    linker.defineUnknownImportsAsTraps();
    app =
        linker.instantiate(
            Component.of(guest, composed != null ? composed : Wasm.guest(guest)), appData);
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
    if (remote != null) {
      remote.close();
      server.close();
    }
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
}
