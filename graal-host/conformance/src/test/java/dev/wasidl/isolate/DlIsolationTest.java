package dev.wasidl.isolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.dl.DlCtx;
import dev.wasidl.dl.DlLimits;
import dev.wasidl.dl.WasiDl;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.nativetests.NativeLibs;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.testkit.component.Guests;
import dev.wasidl.types.Val;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * wasi:dl in a worker process ({@link DlIsolation}) with real guests and real native faults:
 * native-tests' libwasidl_faults.so segfaults, aborts and overflows its stack inside the worker;
 * the host traps the call naming the signal and the function, goes on (an in-process guest in the
 * same JVM keeps answering), and the next call starts a new worker. The isolated host gives
 * dl-all-c's every case the same report as the in-process one.
 */
@Timeout(300)
class DlIsolationTest {
  private static final String FAULTS = NativeLibs.path("wasidl_faults").toString();
  private static final String LIBDIR = NativeLibs.dir() + "/";
  private static final Component HOSTILE =
      Component.of("dl-hostile-c", Guests.bytes("dl-hostile-c.wasm"));

  private static GraalRuntime runtime;

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
  }

  @AfterAll
  static void tearDown() {
    runtime.close();
  }

  private static DlPolicy policy() {
    return DlPolicy.builder().allow(LIBDIR + "*").allow("libm.so.6").allow("libc.so.6").build();
  }

  private static DlIsolation isolation(Duration timeout) throws IOException {
    return DlIsolation.start(policy(), DlLimits.DEFAULT, timeout);
  }

  private static Linker isolated(DlIsolation dl) {
    Linker linker = Linker.of(runtime);
    dl.add(linker);
    return linker;
  }

  private static Optional<Val> call(Instance i, String fn, Val... args) {
    return i.func(fn).orElseThrow().call(args);
  }

  private static double cos0(Instance i) {
    Val.ResultVal r =
        (Val.ResultVal)
            call(i, "call-double", new Val.Str("libm.so.6"), new Val.Str("cos"), new Val.F64(0))
                .orElseThrow();
    assertTrue(r.isOk(), r::toString);
    return ((Val.F64) r.payload().orElseThrow()).value();
  }

  @Test
  void eachFaultTrapsNamingTheSignalAndFunctionAndTheHostGoesOn() throws IOException {
    Linker local = Linker.of(runtime);
    WasiDl.add(local);
    try (DlIsolation dl = isolation(Duration.ofSeconds(60));
        DlCtx ctx = new DlCtx(policy());
        Instance bystander = local.instantiate(HOSTILE, ctx)) {
      Linker linker = isolated(dl);
      List<Long> pids = new ArrayList<>();
      String[][] faults = {
        {"fault_segv", "native code crashed: SIGSEGV in fault_segv+"},
        {"fault_abort", "native code crashed: SIGABRT during function.call of fault_abort"},
        {"fault_stack", "native code crashed: SIGSEGV"},
      };
      int crashes = 0;
      for (String[] fault : faults) {
        try (Instance guest = linker.instantiate(HOSTILE)) {
          assertEquals(1.0, cos0(guest), "the worker answers before the fault");
          pids.add(dl.workerPid().orElseThrow());
          Trap t =
              assertThrows(
                  Trap.class,
                  () -> call(guest, "call-pointer", new Val.Str(FAULTS), new Val.Str(fault[0])));
          assertTrue(t.getMessage().contains(fault[1]), t.getMessage());
          assertTrue(t.getMessage().contains(fault[0]), t.getMessage());
          assertTrue(
              t.getMessage().contains("the next wasi:dl call starts a new one"), t.getMessage());
          assertEquals(++crashes, dl.crashes());
          assertTrue(dl.workerPid().isEmpty(), "the worker is gone");
        }
        // the host goes on: a guest in this JVM calling native code in-process, and a new
        // isolated guest on a new worker
        assertEquals(1.0, cos0(bystander));
        try (Instance next = linker.instantiate(HOSTILE)) {
          assertEquals(1.0, cos0(next));
          assertNotEquals(pids.getLast(), dl.workerPid().orElseThrow(), "a new worker");
        }
      }
      assertEquals(3, pids.stream().distinct().count(), pids::toString);
    }
  }

  /**
   * Handles a crashed worker made are refused, never sent to its successor (which could hold a
   * different object under the same bytes): the wasi:dl component a worker serves, instantiated on
   * the isolated linker, lets the test hold a library across a crash.
   */
  @Test
  void handlesOfACrashedWorkerAreRefused() throws IOException {
    String dll = "wasi:dl/dll@0.2.0-draft";
    try (DlIsolation dl = isolation(Duration.ofSeconds(60));
        Instance wasiDl = isolated(dl).instantiate(DlIsolation.reexport())) {
      Val.ResultVal open =
          (Val.ResultVal)
              wasiDl
                  .func(dll, "[static]library.open")
                  .orElseThrow()
                  .call(
                      new Val.OptionVal(Optional.of(new Val.Str(FAULTS))),
                      new Val.Flags(Set.of("now")))
                  .orElseThrow();
      assertTrue(open.isOk(), open::toString);
      int library = ((Val.Own) open.payload().orElseThrow()).rep();
      Val.ResultVal symbol = get(wasiDl, library, "fault_segv");
      assertTrue(symbol.isOk(), symbol::toString);
      long before = dl.workerPid().orElseThrow();
      try (Instance guest = isolated(dl).instantiate(HOSTILE)) {
        // another guest on the same isolation crashes the worker
        assertThrows(
            Trap.class,
            () -> call(guest, "call-pointer", new Val.Str(FAULTS), new Val.Str("fault_segv")));
      }
      Val.ResultVal stale = get(wasiDl, library, "fault_abort");
      String err = ((Val.Str) stale.payload().orElseThrow()).value();
      assertTrue(!stale.isOk() && err.contains("made by a server that is gone"), err);
      assertNotEquals(before, dl.workerPid().orElseThrow(), "the refusal came from a new worker");
    }
  }

  private static Val.ResultVal get(Instance wasiDl, int library, String name) {
    return (Val.ResultVal)
        wasiDl
            .func("wasi:dl/dll@0.2.0-draft", "[method]library.get")
            .orElseThrow()
            .call(new Val.Borrow(library), new Val.Str(name))
            .orElseThrow();
  }

  @Test
  void aNativeCallPastTheTimeoutTrapsAndItsWorkerIsKilled() throws IOException {
    try (DlIsolation dl = isolation(Duration.ofSeconds(2))) {
      Linker linker = isolated(dl);
      try (Instance guest = linker.instantiate(HOSTILE)) {
        assertEquals(1.0, cos0(guest));
        long pid = dl.workerPid().orElseThrow();
        long start = System.nanoTime();
        // pause() waits for a signal that never comes
        Trap t =
            assertThrows(
                Trap.class,
                () -> call(guest, "call-pointer", new Val.Str("libc.so.6"), new Val.Str("pause")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(
            t.getMessage().contains("function.call of pause did not return within 2000 ms"),
            t.getMessage());
        assertTrue(millis < 10_000, millis + " ms");
        assertTrue(ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty(), "killed");
      }
      try (Instance guest = linker.instantiate(HOSTILE)) {
        assertEquals(1.0, cos0(guest), "a new worker answers");
      }
    }
  }

  @Test
  void thePolicyIsTheWorkersAndClosingEndsIt() throws IOException {
    long pid;
    try (DlIsolation dl =
        DlIsolation.start(
            DlPolicy.builder().allow("libm.so.6").build(),
            DlLimits.DEFAULT,
            Duration.ofSeconds(60))) {
      Linker linker = isolated(dl);
      try (Instance guest = linker.instantiate(HOSTILE)) {
        assertEquals(1.0, cos0(guest));
        Val.ResultVal r =
            (Val.ResultVal) call(guest, "open", new Val.Str("libc.so.6")).orElseThrow();
        String err = ((Val.Str) r.payload().orElseThrow()).value();
        assertTrue(!r.isOk() && err.contains("not allowed"), err);
      }
      pid = dl.workerPid().orElseThrow();
    }
    ProcessHandle worker = ProcessHandle.of(pid).orElse(null);
    if (worker != null) {
      worker.onExit().join();
    }
  }

  @Test
  void dlAllGivesTheInProcessReports() throws IOException {
    Component all = Component.of("dl-all-c", Guests.bytes("dl-all-c.wasm"));
    Linker local = Linker.of(runtime);
    WasiDl.add(local);
    DlPolicy policy = DlPolicy.builder().allow(LIBDIR + "*").allow(DlPolicy.PROCESS).build();
    try (DlIsolation dl = DlIsolation.start(policy, DlLimits.DEFAULT, Duration.ofSeconds(60));
        DlCtx ctx = new DlCtx(policy);
        Instance here = local.instantiate(all, ctx);
        Instance there = isolated(dl).instantiate(all)) {
      List<Val> cases = ((Val.ListVal) call(here, "cases").orElseThrow()).elements();
      assertEquals(cases, ((Val.ListVal) call(there, "cases").orElseThrow()).elements());
      for (Val c : cases) {
        Val want = call(here, "run", c, new Val.Str(LIBDIR)).orElseThrow();
        Val got = call(there, "run", c, new Val.Str(LIBDIR)).orElseThrow();
        assertEquals(want, got, c.toString());
      }
    }
  }
}
