package dev.wasidl.dl;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.nativetests.NativeLibs;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.testkit.component.Guests;
import dev.wasidl.testkit.dl.ExpectedReports;
import dev.wasidl.types.Val;
import dev.wasidl.wasi.Wasi;
import dev.wasidl.wasi.WasiConfig;
import dev.wasidl.wasi.WasiCtx;
import dev.wasidl.wasi.WasiExit;
import dev.wasidl.wasi.WasiView;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The wasi:dl guests (testdata/guests/dl-*, dl-expected.md) on this host: dl-all-c's every case
 * against its expected report, dl-hello-c (the RFC's example), and the dl-libs demo command with
 * WASI and wasi:dl served by one data object.
 */
class DlGuestsTest {
  private static final String LIBDIR = NativeLibs.dir() + "/";

  private static GraalRuntime runtime;
  private static Linker linker;

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
    linker = Linker.of(runtime);
    WasiDl.add(linker);
  }

  @AfterAll
  static void tearDown() {
    runtime.close();
  }

  static byte[] bytes(String name) {
    return Guests.bytes(name);
  }

  private static DlPolicy nativeTests() {
    return DlPolicy.builder().allow(LIBDIR + "*").allow(DlPolicy.PROCESS).build();
  }

  @Test
  void dlAllEveryCase() {
    Map<String, String> expected =
        ExpectedReports.okReports(
            new String(bytes("dl-all-c.expected.json"), StandardCharsets.UTF_8));
    Component all = Component.of("dl-all-c", bytes("dl-all-c.wasm"));
    try (DlCtx dl = new DlCtx(nativeTests());
        Instance i = linker.instantiate(all, dl)) {
      List<Val> cases =
          ((Val.ListVal) i.func("cases").orElseThrow().call().orElseThrow()).elements();
      assertEquals(expected.keySet().size(), cases.size());
      List<Executable> checks = new ArrayList<>();
      for (Val c : cases) {
        String name = ((Val.Str) c).value();
        Val.ResultVal r =
            (Val.ResultVal) i.func("run").orElseThrow().call(c, new Val.Str(LIBDIR)).orElseThrow();
        String report = ((Val.Str) r.payload().orElseThrow()).value();
        checks.add(() -> assertTrue(r.isOk(), name + ": " + report));
        String want = expected.get(name);
        if (want != null) {
          checks.add(() -> assertEquals(want.replace("{libdir}", LIBDIR), report, name));
        }
      }
      assertAll(checks);
    }
  }

  @Test
  void dlHelloTheRfcExample() {
    Component hello = Component.of("dl-hello-c", bytes("dl-hello-c.wasm"));
    String dir = NativeLibs.path("hello").getParent().toString();
    try (DlCtx dl = new DlCtx(DlPolicy.builder().allow(dir + "/libhello.so").build());
        Instance i = linker.instantiate(hello, dl)) {
      Val.ResultVal r =
          (Val.ResultVal) i.func("run-in").orElseThrow().call(new Val.Str(dir)).orElseThrow();
      assertTrue(r.isOk(), r::toString);
      assertEquals("hello", ((Val.Str) r.payload().orElseThrow()).value());
      assertEquals(0, dl.resourceCount(), "the guest dropped all it obtained");
    }
    try (DlCtx dl = new DlCtx();
        Instance i = linker.instantiate(hello, dl)) {
      Val.ResultVal r =
          (Val.ResultVal) i.func("run-in").orElseThrow().call(new Val.Str(dir)).orElseThrow();
      String err = ((Val.Str) r.payload().orElseThrow()).value();
      assertTrue(!r.isOk() && err.contains("not allowed"), err);
    }
  }

  /** One data object serving WASI and wasi:dl. */
  record Data(WasiCtx wasi, DlCtx dl) implements WasiView, DlView, AutoCloseable {
    @Override
    public void close() {
      dl.close();
      wasi.close();
    }
  }

  private static String demo(DlPolicy policy, int expectedExit) {
    Linker both = Linker.of(runtime);
    Wasi.add(both);
    WasiDl.add(both);
    // wasi-libc asks for the preopens at start-up: none (as WasiGuests does)
    both.allowShadowing(true)
        .instance(dev.wasidl.wasi.bindings.wasi.filesystem.Preopens.NAME)
        .func("get-directories", (cx, args) -> Optional.of(new Val.ListVal(List.of())));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Component libs = Component.of("dl-libs", bytes("dl-libs.wasm"));
    int exit;
    try (Data data =
            new Data(
                new WasiCtx(WasiConfig.builder().args(List.of("dl-libs")).stdout(out).build()),
                new DlCtx(policy));
        Instance i = both.instantiate(libs, data)) {
      String run =
          i.exports().stream().filter(n -> n.startsWith("wasi:cli/run@")).findFirst().orElseThrow();
      Val.ResultVal r;
      try {
        r = (Val.ResultVal) i.func(run, "run").orElseThrow().call().orElseThrow();
      } catch (WasiExit e) {
        throw e;
      } catch (dev.wasidl.abi.Trap t) {
        throw new AssertionError(
            "trap; last wasi:dl error: " + data.dl().lastError() + "; stdout: " + out, t);
      }
      exit = r.isOk() ? 0 : 1;
    } catch (WasiExit e) {
      exit = e.code();
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(expectedExit, exit, text);
    return text;
  }

  @Test
  void dlBenchCallsAddInALoop() {
    // the benchmarks' guest (benchmarks' DlComponentCall): sum of add(i, 2) for i < n
    Component bench = Component.of("dl-bench-c", bytes("dl-bench-c.wasm"));
    String dir = NativeLibs.dir().toString();
    try (DlCtx dl = new DlCtx(DlPolicy.builder().allow(dir + "/libwasidl_prims.so").build());
        Instance i = linker.instantiate(bench, dl)) {
      assertEquals(
          Optional.of(new Val.ResultVal(true, Optional.of(new Val.Str("ready")))),
          i.func("setup").orElseThrow().call(new Val.Str(dir)));
      int resources = dl.resourceCount();
      assertEquals(
          Optional.of(new Val.S64(1000L * 999 / 2 + 2000)),
          i.func("bench").orElseThrow().call(new Val.U32(1000)));
      assertEquals(resources, dl.resourceCount(), "bench drops every value it makes");
    }
  }

  @Test
  void dlLibsTheDemo() {
    DlPolicy policy =
        DlPolicy.builder().allow("libm.so.6").allow("libc.so.6").allow("libz.so.1").build();
    String expected =
        new String(bytes("dl-libs.expected.txt"), StandardCharsets.UTF_8)
            .replace("{pid}", Long.toString(ProcessHandle.current().pid()));
    assertEquals(expected, demo(policy, 0));
  }

  @Test
  void dlLibsWithZlibDenied() {
    DlPolicy policy = DlPolicy.builder().allow("libm.so.6").allow("libc.so.6").build();
    String text = demo(policy, 1);
    assertTrue(text.contains("zlib: cannot open libz.so.1"), text);
    assertTrue(text.contains("libz.so.1 is not allowed"), text);
    assertTrue(text.contains("1 library failed"), text);
  }
}
