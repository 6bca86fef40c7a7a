package dev.wasidl.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.nativetests.NativeLibs;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.types.Val;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * wasi:dl end to end: real components importing wasi:dl, run on GraalWasm against {@link
 * WasiDl#add}, each instance with its own {@link DlCtx}. dl-host-c (testdata/guests/dl-host-c) is
 * the host's own small guest (the wasi:dl guests' components run in {@link DlGuestsTest}).
 */
class DlComponentTest {
  private static final String STRUCTS = NativeLibs.path("wasidl_structs").toString();

  private static GraalRuntime runtime;
  private static Linker linker;
  private static Component guest;

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
    linker = Linker.of(runtime);
    WasiDl.add(linker);
    guest = Component.of("dl-host-c", bytes("dl-host-c.wasm"));
  }

  @AfterAll
  static void tearDown() {
    runtime.close();
  }

  private static byte @Nullable [] resource(String name) {
    try (InputStream in = DlComponentTest.class.getResourceAsStream("/guests/" + name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String name) {
    byte[] b = resource(name);
    if (b == null) {
      throw new IllegalStateException("missing test resource guests/" + name);
    }
    return b;
  }

  private static Val call(Instance i, String export, Val... args) {
    return i.func(export).orElseThrow().call(args).orElseThrow();
  }

  private static Val.ResultVal result(Val v) {
    return (Val.ResultVal) v;
  }

  private static double okF64(Val v) {
    Val.ResultVal r = result(v);
    assertTrue(r.isOk(), () -> "expected ok, got " + r);
    return ((Val.F64) r.payload().orElseThrow()).value();
  }

  private static String errString(Val v) {
    Val.ResultVal r = result(v);
    assertFalse(r.isOk(), () -> "expected err, got " + r);
    return ((Val.Str) r.payload().orElseThrow()).value();
  }

  @Test
  void libmThroughAComponent() {
    try (DlCtx dl = new DlCtx(DlPolicy.builder().allow("libm.so.6").build());
        Instance i = linker.instantiate(guest, dl)) {
      Val r = call(i, "call-f64", new Val.Str("libm.so.6"), new Val.Str("cos"), new Val.F64(0.5));
      assertEquals(Math.cos(0.5), okF64(r));
      assertEquals(0, dl.resourceCount(), "the guest dropped everything it obtained");
      String missing =
          errString(
              call(i, "call-f64", new Val.Str("libm.so.6"), new Val.Str("nope"), new Val.F64(1)));
      assertTrue(missing.contains("nope"), missing);
    }
  }

  @Test
  void structsByValueAndStringsThroughAComponent() {
    DlPolicy policy = DlPolicy.builder().allow(STRUCTS).allow(DlPolicy.PROCESS).build();
    try (DlCtx dl = new DlCtx(policy);
        Instance i = linker.instantiate(guest, dl)) {
      assertEquals(
          'a' + 1000.0,
          okF64(
              call(i, "sum-ci", new Val.Str(STRUCTS), new Val.S8((byte) 'a'), new Val.S32(1000))));
      Val.ResultVal len = result(call(i, "strlen", new Val.Str("grüß dich")));
      assertTrue(len.isOk(), len::toString);
      assertEquals(11, ((Val.U64) len.payload().orElseThrow()).value(), "UTF-8 bytes");
      assertEquals(8 * 1000 + 3, ((Val.U32) call(i, "sizes", new Val.U8(20))).value());
      assertEquals(1000 + 3, ((Val.U32) call(i, "sizes", new Val.U8(0))).value());
      assertEquals(0, dl.resourceCount());
    }
  }

  /**
   * An application's engine without {@code wasm.MultiMemory} cannot run the adapter's memory
   * module: the host's own functions serve the instance, with the same results.
   */
  @Test
  void anEngineWithoutMultiMemoryGetsTheHostsOwnFunctions() {
    try (org.graalvm.polyglot.Engine engine =
            org.graalvm.polyglot.Engine.newBuilder("wasm")
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        GraalRuntime plain = GraalRuntime.of(engine)) {
      Linker l = Linker.of(plain);
      WasiDl.add(l);
      try (DlCtx dl = new DlCtx(DlPolicy.builder().allow("libm.so.6").build());
          Instance i = l.instantiate(guest, dl)) {
        Val r = call(i, "call-f64", new Val.Str("libm.so.6"), new Val.Str("cos"), new Val.F64(0.5));
        assertEquals(Math.cos(0.5), okF64(r));
        assertEquals(0, dl.resourceCount());
      }
    }
  }

  @Test
  void denyByDefaultThroughAComponent() {
    try (DlCtx dl = new DlCtx();
        Instance i = linker.instantiate(guest, dl)) {
      String denied =
          errString(
              call(i, "call-f64", new Val.Str("libm.so.6"), new Val.Str("cos"), new Val.F64(0)));
      assertTrue(denied.contains("libm.so.6 is not allowed"), denied);
      assertTrue(errString(call(i, "strlen", new Val.Str("x"))).contains("@self"));
    }
  }

  @Test
  void anInstanceWithoutADlViewTraps() {
    try (Instance i = linker.instantiate(guest, "not a view")) {
      Trap t =
          assertThrows(
              Trap.class,
              () ->
                  call(
                      i, "call-f64", new Val.Str("libm.so.6"), new Val.Str("cos"), new Val.F64(0)));
      assertTrue(t.getMessage().contains("DlView"), t.getMessage());
    }
  }

  @Test
  void manyInstancesInParallelThreads() throws Exception {
    DlPolicy policy = DlPolicy.builder().allow("libm.so.6").build();
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Double>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        double x = t;
        results.add(
            pool.submit(
                () -> {
                  try (DlCtx dl = new DlCtx(policy);
                      Instance i = linker.instantiate(guest, dl)) {
                    double sum = 0;
                    for (int k = 0; k < 200; k++) {
                      sum +=
                          okF64(
                              call(
                                  i,
                                  "call-f64",
                                  new Val.Str("libm.so.6"),
                                  new Val.Str("cos"),
                                  new Val.F64(x)));
                    }
                    return sum;
                  }
                }));
      }
      for (int t = 0; t < threads; t++) {
        assertEquals(200 * Math.cos(t), results.get(t).get(), 1e-9);
      }
    } finally {
      pool.shutdown();
    }
  }
}
