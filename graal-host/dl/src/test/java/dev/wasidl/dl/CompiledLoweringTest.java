package dev.wasidl.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.nativetests.NativeLibs;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.types.Val;
import dev.wasidl.wasi.Wasi;
import dev.wasidl.wasi.WasiConfig;
import dev.wasidl.wasi.WasiCtx;
import dev.wasidl.wasi.WasiExit;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated bindings' compiled lowerings (bindings-gen's {@code lower$...} methods) against the
 * interpretive {@code Val} path, their reference: the same real guests run on two linkers that
 * differ only in {@link Linker#compiledLowerings}, and every result, report and trap must be the
 * same. wasi:dl exercises handles (own, borrow), enums, variants, options, results, lists of
 * variants, strings both ways, spilled out-pointers; WASI adds byte lists and records.
 */
class CompiledLoweringTest {
  private static final String LIBDIR = NativeLibs.dir() + "/";

  private static GraalRuntime runtime;

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
  }

  @AfterAll
  static void tearDown() {
    runtime.close();
  }

  private static Linker linker(boolean compiled) {
    Linker l = Linker.of(runtime).compiledLowerings(compiled);
    WasiDl.add(l);
    return l;
  }

  private static DlPolicy nativeTests() {
    return DlPolicy.builder().allow(LIBDIR + "*").allow(DlPolicy.PROCESS).build();
  }

  /** Every dl-all-c case's report, in order, run through one linker. */
  private static List<String> dlAllReports(Linker linker) {
    Component all = Component.of("dl-all-c", DlGuestsTest.bytes("dl-all-c.wasm"));
    List<String> reports = new ArrayList<>();
    try (DlCtx dl = new DlCtx(nativeTests());
        Instance i = linker.instantiate(all, dl)) {
      List<Val> cases =
          ((Val.ListVal) i.func("cases").orElseThrow().call().orElseThrow()).elements();
      for (Val c : cases) {
        Optional<Val> r = i.func("run").orElseThrow().call(c, new Val.Str(LIBDIR));
        reports.add(c + " -> " + r);
      }
      reports.add("resources left: " + dl.resourceCount());
    }
    return reports;
  }

  @Test
  void dlAllCasesMatchTheValPath() {
    List<String> compiled = dlAllReports(linker(true));
    List<String> reference = dlAllReports(linker(false));
    assertTrue(compiled.size() > 10, compiled::toString);
    assertEquals(reference, compiled);
  }

  /** What a hostile guest's calls return or trap with, in order. */
  private static List<String> hostileOutcomes(Linker linker) {
    List<String> out = new ArrayList<>();
    Component hostile = Component.of("dl-hostile-c", DlGuestsTest.bytes("dl-hostile-c.wasm"));
    try (DlCtx dl = new DlCtx(DlPolicy.builder().allow(LIBDIR + "libwasidl_prims.so").build());
        Instance i = linker.instantiate(hostile, dl)) {
      for (String export : List.of("read-u64-at", "read-string-at")) {
        for (long address : new long[] {0, 8, 1L << 40, -8}) {
          out.add(export + "(" + address + ") -> " + outcome(i, export, new Val.U64(address)));
        }
      }
      out.add("open -> " + outcome(i, "open", new Val.Str(LIBDIR + "libwasidl_prims.so")));
      out.add("open denied -> " + outcome(i, "open", new Val.Str("/etc/passwd")));
      out.add("open dots -> " + outcome(i, "open", new Val.Str(LIBDIR + "../x/../libc.so.6")));
      for (long n : new long[] {0, 3, 1 << 20}) {
        out.add("struct-type(" + n + ") -> " + outcome(i, "struct-type", new Val.U32(n)));
        out.add("alloc-struct(" + n + ") -> " + outcome(i, "alloc-struct", new Val.U32(n)));
      }
    }
    return out;
  }

  private static String outcome(Instance i, String export, Val... args) {
    try {
      return String.valueOf(i.func(export).orElseThrow().call(args));
    } catch (dev.wasidl.abi.Trap t) {
      return "trap: " + t.getMessage();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  @Test
  void hostileCallsAnswerAndTrapAsTheValPath() {
    List<String> compiled = hostileOutcomes(linker(true));
    List<String> reference = hostileOutcomes(linker(false));
    assertEquals(reference, compiled);
  }

  @Test
  void dlBenchSumsThroughTheCompiledPath() {
    Component bench = Component.of("dl-bench-c", DlGuestsTest.bytes("dl-bench-c.wasm"));
    String dir = NativeLibs.dir().toString();
    for (boolean compiled : new boolean[] {true, false}) {
      try (DlCtx dl = new DlCtx(DlPolicy.builder().allow(dir + "/libwasidl_prims.so").build());
          Instance i = linker(compiled).instantiate(bench, dl)) {
        assertEquals(
            Optional.of(new Val.ResultVal(true, Optional.of(new Val.Str("ready")))),
            i.func("setup").orElseThrow().call(new Val.Str(dir)));
        int resources = dl.resourceCount();
        // sum of add(i, 2) for i < 1000: 999*1000/2 + 2000
        assertEquals(
            Optional.of(new Val.S64(501_500)),
            i.func("bench").orElseThrow().call(new Val.U32(1000)));
        assertEquals(resources, dl.resourceCount(), "every value made in the loop was dropped");
      }
    }
  }

  /** An output stream recording whether a write came through a compiled lowering. */
  private static final class Witness extends ByteArrayOutputStream {
    boolean compiledFrame;
    boolean valFrame;

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      for (StackTraceElement e : Thread.currentThread().getStackTrace()) {
        compiledFrame |= e.getMethodName().startsWith("lower$");
        valFrame |= e.getClassName().equals("dev.wasidl.runtime.Lowered");
      }
      super.write(b, off, len);
    }
  }

  private static Witness runWasiCli(boolean compiled) {
    Linker l = Linker.of(runtime).compiledLowerings(compiled);
    Wasi.add(l);
    Witness out = new Witness();
    Component cli = Component.of("wasi-cli-c", DlGuestsTest.bytes("wasi-cli-c.wasm"));
    try (WasiCtx wasi =
            new WasiCtx(
                WasiConfig.builder().args(List.of("wasi-cli-c", "hello")).stdout(out).build());
        Instance i = l.instantiate(cli, wasi)) {
      String run =
          i.exports().stream().filter(n -> n.startsWith("wasi:cli/run@")).findFirst().orElseThrow();
      i.func(run, "run").orElseThrow().call();
    } catch (WasiExit e) {
      // the guest's exit code is not what this test compares
    }
    return out;
  }

  @Test
  void guestsCallTheGeneratedMethodsUnlessTurnedOff() {
    Witness compiled = runWasiCli(true);
    Witness reference = runWasiCli(false);
    assertEquals(
        reference.toString(StandardCharsets.UTF_8), compiled.toString(StandardCharsets.UTF_8));
    assertTrue(compiled.size() > 0, "the guest wrote to stdout");
    assertTrue(compiled.compiledFrame, "stdout written through a lower$ method");
    assertFalse(compiled.valFrame, "and not through the Val path");
    assertTrue(reference.valFrame, "compiledLowerings(false) takes the Val path");
    assertFalse(reference.compiledFrame);
  }
}
