package dev.wasidl.dl;

import static dev.wasidl.cli.CliRun.wasidl;
import static dev.wasidl.dl.HostileGuest.COS_0;
import static dev.wasidl.dl.HostileGuest.Kind.ERR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.cli.CliRun;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.Signature;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Linker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, reproductions 1 and 3, by the hostile guest on real GraalWasm: a granted library does
 * not lend the guest the libraries it depends on (libm's dependency libc: {@code system}, {@code
 * dlopen}, {@code environ}), and with pinned signatures data symbols are gated too ({@code environ}
 * through libm read and written). After each refusal the host still serves a legitimate call.
 */
class DlHostileLookupTest {
  private static final String GUEST =
      Path.of("..", "testdata", "resources", "guests", "dl-hostile-c.wasm").toString();

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

  private static DlPolicy libmOnly() {
    return DlPolicy.builder().allow("libm.so.6").build();
  }

  /** Only cos pinned, pinned-only: what {@code --dl-signatures} with one line makes. */
  private static DlPolicy libmCosPinned(String library) {
    return DlPolicy.builder()
        .allow(library)
        .allow("libm.so.6")
        .pin("*", "cos", Signature.parse("(c-double) -> c-double"))
        .pinnedOnly()
        .build();
  }

  // ---- 1. a granted library's dependencies ------------------------------------------------------

  @Test
  void libmDoesNotLendLibcSymbols() {
    try (HostileGuest g = new HostileGuest(linker, libmOnly())) {
      for (String symbol : List.of("system", "dlopen", "environ", "execve", "__libc_start_main")) {
        g.call("symbol-address(some(\"libm.so.6\"), \"" + symbol + "\")")
            .assertRefused(ERR, "is not defined in");
      }
      // libm's own symbols are still found, and callable
      g.call("symbol-address(some(\"libm.so.6\"), \"cos\")").assertOk();
      g.call(COS_0).assertCos();
      // the running process stays out of reach without its own rule
      g.call("symbol-address(none, \"system\")").assertRefused(ERR, "@self");
      g.call(COS_0).assertCos();
    }
  }

  /**
   * Not by address either: libc's addresses (which a guest can read from libm's own relocations)
   * give no region to read or write, while memory no library holds stays reachable.
   */
  @Test
  void libmDoesNotLendLibcMemoryByAddress() {
    java.lang.foreign.SymbolLookup libc = java.lang.foreign.Linker.nativeLinker().defaultLookup();
    try (HostileGuest g = new HostileGuest(linker, libmOnly())) {
      for (String symbol : List.of("environ", "system")) {
        long address = libc.find(symbol).orElseThrow().address();
        g.call("read-u64-at(" + Long.toUnsignedString(address) + ")")
            .assertRefused(ERR, "libc.so.6, which the policy does not grant");
        g.call("write-u64-at(" + Long.toUnsignedString(address) + ", 0)")
            .assertRefused(ERR, "libc.so.6, which the policy does not grant");
      }
      try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
        java.lang.foreign.MemorySegment heap = arena.allocate(8);
        heap.set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, 42);
        g.call("read-u64-at(" + heap.address() + ")").assertOk();
      }
      g.call(COS_0).assertCos();
    }
  }

  @Test
  void systemThroughLibmIsNotCalled(@TempDir Path tmp) {
    Path proof = tmp.resolve("proof");
    try (HostileGuest g = new HostileGuest(linker, libmOnly())) {
      g.call("call-string(\"libm.so.6\", \"system\", \"id > " + proof + "\")")
          .assertRefused(ERR, "is not defined in");
      assertFalse(Files.exists(proof), "system(\"id > FILE\") ran: " + proof + " exists");
      g.call(COS_0).assertCos();
    }
  }

  @Test
  void systemThroughLibmIsNotCalledFromTheCommandLine(@TempDir Path tmp) {
    Path proof = tmp.resolve("proof");
    CliRun r =
        wasidl(
            "run",
            "--dl",
            "--allow-lib",
            "libm.so.6",
            "--invoke",
            "call-string(\"libm.so.6\", \"system\", \"id > " + proof + "\")",
            GUEST);
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("err(\""), r.toString());
    assertTrue(r.out().contains("is not defined in"), r.toString());
    assertFalse(Files.exists(proof), "system(\"id > FILE\") ran: " + proof + " exists");
    CliRun cos = wasidl("run", "--dl", "--allow-lib", "libm.so.6", "--invoke", COS_0, GUEST);
    assertEquals(new CliRun(0, "ok(1.0)\n", ""), cos);
  }

  // ---- 3. pins gate data too
  // ----------------------------------------------------------------------

  @Test
  void withOnlyCosPinnedEnvironIsNotReachableThroughLibm() {
    try (HostileGuest g = new HostileGuest(linker, libmCosPinned("libm.so.6"))) {
      g.call("read-env(\"libm.so.6\")").assertRefused(ERR, "not pinned");
      g.call("symbol-address(some(\"libm.so.6\"), \"environ\")").assertRefused(ERR, "not pinned");
      g.call(COS_0).assertCos();
    }
  }

  /** libc granted as well: environ is libc's own symbol, so only the pin can refuse it. */
  @Test
  void withOnlyCosPinnedEnvironIsNotReachableThroughLibcEither() {
    try (HostileGuest g = new HostileGuest(linker, libmCosPinned("libc.so.6"))) {
      g.call("read-env(\"libc.so.6\")").assertRefused(ERR, "not pinned");
      g.call("symbol-address(some(\"libc.so.6\"), \"environ\")").assertRefused(ERR, "not pinned");
      g.call("symbol-address(some(\"libc.so.6\"), \"system\")").assertRefused(ERR, "not pinned");
      g.call(COS_0).assertCos();
    }
  }

  /**
   * The write half, in a JVM of its own (today the guest overwrites the host's first environment
   * entry): the host's environment is unchanged, as the C library sees it.
   */
  @Test
  @Timeout(120)
  void withOnlyCosPinnedTheHostEnvironmentCannotBeWritten(@TempDir Path tmp) throws Exception {
    Path pins = Files.writeString(tmp.resolve("cos.pins"), "cos: (c-double) -> c-double\n");
    HostileProcess p =
        HostileProcess.run(
            tmp,
            Map.of("WASIDL_HOSTILE", "original-value"),
            Duration.ofSeconds(100),
            "--allow",
            "libm.so.6",
            "--pins",
            pins.toString(),
            "--getenv",
            "WASIDL_HOSTILE",
            "write-env(\"libm.so.6\", \"PWNED=1\")",
            COS_0);
    List<HostileGuest.Outcome> o = p.assertSurvived();
    assertEquals("original-value", p.getenv().orElseThrow(), p::toString);
    o.get(0).assertRefused(ERR, "not pinned");
    o.get(1).assertCos();
  }
}
