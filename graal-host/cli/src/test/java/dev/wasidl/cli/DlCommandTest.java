package dev.wasidl.cli;

import static dev.wasidl.cli.CliRun.wasidl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.nativetests.NativeLibs;
import dev.wasidl.testkit.dl.ExpectedReports;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.Val;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * wasi:dl through the command line: {@code --dl} defines it, {@code --allow-lib} grants libraries,
 * {@code --dl-signatures} pins signatures. The guest is the RFC's own example (dl-hello-c: open
 * {prefix}hello{suffix}, get hello, call it as {@code () -> pointer}, read the string).
 */
class DlCommandTest {
  private static final String GUEST =
      Path.of("..", "testdata", "resources", "guests", "dl-hello-c.wasm").toString();
  private static final String DIR = NativeLibs.path("hello").getParent().toString();
  private static final String LIB = DIR + "/libhello.so";

  private static String call() {
    return "run-in(\"" + DIR + "\")";
  }

  @Test
  void theRfcExampleRunsWhenTheLibraryIsGranted() {
    CliRun r = wasidl("run", "--dl", "--allow-lib", LIB, "--invoke", call(), GUEST);
    assertEquals(new CliRun(0, "ok(\"hello\")\n", ""), r);
  }

  @Test
  void aGlobGrantsToo() {
    CliRun r = wasidl("run", "--dl", "--allow-lib", DIR + "/libhel*.so", "--invoke", call(), GUEST);
    assertEquals(new CliRun(0, "ok(\"hello\")\n", ""), r);
  }

  @Test
  void anUngrantedLibraryIsAnErrorResultNamingThePolicy() {
    CliRun r = wasidl("run", "--dl", "--allow-lib", "libm.so.6", "--invoke", call(), GUEST);
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("err(\""), r.toString());
    assertTrue(r.out().contains("libhello.so"), r.toString());
    assertTrue(r.out().contains("libm.so.6"), "names the rules: " + r);
  }

  @Test
  void withoutDlTheImportIsMissing() {
    CliRun r = wasidl("run", "--invoke", call(), GUEST);
    assertEquals(
        new CliRun(
            1,
            "",
            "Error: cannot instantiate dl-hello-c.wasm: missing import: instance"
                + " wasi:dl/ffi@0.2.0-draft is not defined in the linker (wasi:dl is enabled by"
                + " --dl)\n"),
        r);
  }

  @Test
  void theRfcExampleRunsIsolatedToo() {
    CliRun r = wasidl("run", "--dl", "--dl-isolate", "--allow-lib", LIB, "--invoke", call(), GUEST);
    assertEquals(new CliRun(0, "ok(\"hello\")\n", ""), r);
  }

  @Test
  void underIsolationASegfaultTrapsNamingTheSignalAndFunction() {
    String faults = NativeLibs.path("wasidl_faults").toString();
    String hostile =
        Path.of("..", "testdata", "resources", "guests", "dl-hostile-c.wasm").toString();
    CliRun r =
        wasidl(
            "run",
            "--dl",
            "--dl-isolate",
            "--allow-lib",
            faults,
            "--invoke",
            "call-pointer(\"" + faults + "\", \"fault_segv\")",
            hostile);
    assertEquals(134, r.code(), r.toString());
    assertTrue(r.err().contains("native code crashed: SIGSEGV in fault_segv+"), "names it: " + r);
    assertTrue(r.err().contains("(libwasidl_faults.so+"), r.toString());
  }

  @Test
  void dlIsolateNeedsDl() {
    CliRun r = wasidl("run", "--dl-isolate", "--invoke", call(), GUEST);
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("--dl-isolate needs --dl"), r.toString());
  }

  @Test
  void allowLibNeedsDl() {
    CliRun r = wasidl("run", "--allow-lib", LIB, "--invoke", call(), GUEST);
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("--allow-lib and --dl-signatures need --dl"), r.toString());
  }

  /**
   * dl-all-c's cases through the command line (each case in its own instance, as a user would run
   * it), each printing the report its expected JSON records (from node + koffi on the same
   * libraries).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "platform",
        "integers",
        "floats",
        "calls",
        "values",
        "structs",
        "strings",
        "out-params",
        "function-pointers",
        "lifetime",
        "errors"
      })
  void dlAllCasesThroughTheCommandLine(String name) throws Exception {
    String libdir = NativeLibs.dir() + "/";
    Map<String, String> expected =
        ExpectedReports.okReports(
            Files.readString(
                Path.of("..", "testdata", "resources", "guests", "dl-all-c.expected.json")));
    String guest = Path.of("..", "testdata", "resources", "guests", "dl-all-c.wasm").toString();
    CliRun r =
        wasidl(
            "run",
            "--dl",
            "--allow-lib",
            libdir + "*",
            "--allow-lib",
            "@self",
            "--invoke",
            "run(\"" + name + "\", \"" + libdir + "\")",
            guest);
    String report = expected.get(name).replace("{libdir}", libdir);
    assertEquals(
        new CliRun(0, "ok(" + ValText.print(Primitive.STRING, new Val.Str(report)) + ")\n", ""), r);
  }

  /** The README's demo: the dl-libs command with libm, libc and zlib granted, as ./wasidl demo. */
  @Test
  void theDemoCommand() throws Exception {
    Path guests = Path.of("..", "testdata", "resources", "guests");
    String expected =
        Files.readString(guests.resolve("dl-libs.expected.txt"))
            .replace("{pid}", Long.toString(ProcessHandle.current().pid()));
    String demo = guests.resolve("dl-libs.wasm").toString();
    CliRun r =
        wasidl(
            "run",
            "--dl",
            "--allow-lib",
            "libm.so.6",
            "--allow-lib",
            "libc.so.6",
            "--allow-lib",
            "libz.so.1",
            demo);
    assertEquals(new CliRun(0, expected, ""), r);
    // Without zlib granted its section fails with the policy's message; the others still run.
    CliRun denied =
        wasidl("run", "--dl", "--allow-lib", "libm.so.6", "--allow-lib", "libc.so.6", demo);
    assertEquals(1, denied.code(), denied.toString());
    assertTrue(denied.out().contains("FAILED: open libz.so.1: "), denied.toString());
    assertTrue(denied.out().contains("pow(2, 10) = 1024"), denied.toString());
  }

  @Test
  void aPinnedSignatureIsEnforced(@TempDir Path tmp) throws Exception {
    Path right = Files.writeString(tmp.resolve("right.pins"), "# hello.h\nhello: () -> pointer\n");
    CliRun ok =
        wasidl(
            "run",
            "--dl",
            "--allow-lib",
            LIB,
            "--dl-signatures",
            right.toString(),
            "--invoke",
            call(),
            GUEST);
    assertEquals(new CliRun(0, "ok(\"hello\")\n", ""), ok);
    Path wrong = Files.writeString(tmp.resolve("wrong.pins"), "hello: () -> c-int\n");
    CliRun refused =
        wasidl(
            "run",
            "--dl",
            "--allow-lib",
            LIB,
            "--dl-signatures",
            wrong.toString(),
            "--invoke",
            call(),
            GUEST);
    assertEquals(0, refused.code(), refused.toString());
    assertTrue(refused.out().startsWith("err("), refused.toString());
    Path bad = Files.writeString(tmp.resolve("bad.pins"), "hello () -> c-int\n");
    CliRun unreadable =
        wasidl(
            "run",
            "--dl",
            "--allow-lib",
            LIB,
            "--dl-signatures",
            bad.toString(),
            "--invoke",
            call(),
            GUEST);
    assertEquals(
        new CliRun(1, "", "Error: " + bad + ":1: expected 'symbol: (args) -> result'\n"),
        unreadable);
  }

  @Test
  void pinFilesHaveADataFormAndUnpinnedSymbolsAreNotFound(@TempDir Path tmp) throws Exception {
    Path withData =
        Files.writeString(
            tmp.resolve("data.pins"), "hello: () -> pointer\nenviron: data pointer\n");
    CliRun ok =
        wasidl(
            "run",
            "--dl",
            "--allow-lib",
            LIB,
            "--dl-signatures",
            withData.toString(),
            "--invoke",
            call(),
            GUEST);
    assertEquals(new CliRun(0, "ok(\"hello\")\n", ""), ok);
    // hello is not pinned: library.get itself is refused
    Path other = Files.writeString(tmp.resolve("other.pins"), "environ: data pointer\n");
    CliRun refused =
        wasidl(
            "run",
            "--dl",
            "--allow-lib",
            LIB,
            "--dl-signatures",
            other.toString(),
            "--invoke",
            call(),
            GUEST);
    assertEquals(0, refused.code(), refused.toString());
    assertTrue(refused.out().startsWith("err("), refused.toString());
    assertTrue(refused.out().contains("not pinned"), refused.toString());
  }

  @Test
  void limitFlagsBoundTheGuest() {
    CliRun fine =
        wasidl(
            "run",
            "--dl",
            "--allow-lib",
            LIB,
            "--dl-max-memory",
            "1048576",
            "--dl-max-fields",
            "16",
            "--dl-max-total-fields",
            "64",
            "--dl-max-resources",
            "100",
            "--invoke",
            call(),
            GUEST);
    assertEquals(new CliRun(0, "ok(\"hello\")\n", ""), fine);
    // the guest holds a library, a symbol and a function at once: one handle is not enough
    CliRun starved =
        wasidl(
            "run",
            "--dl",
            "--allow-lib",
            LIB,
            "--dl-max-resources",
            "1",
            "--invoke",
            call(),
            GUEST);
    assertTrue(starved.toString().contains("limit"), starved.toString());
  }

  @Test
  void badLimitValuesAreUsageErrors() {
    for (String flag :
        List.of(
            "--dl-max-memory", "--dl-max-fields", "--dl-max-total-fields", "--dl-max-resources")) {
      CliRun negative = wasidl("run", "--dl", flag, "-5", "--invoke", call(), GUEST);
      assertEquals(2, negative.code(), negative.toString());
      assertTrue(
          negative.err().contains(flag + " must be a positive number, got -5"),
          negative.toString());
      CliRun zero = wasidl("run", "--dl", flag, "0", "--invoke", call(), GUEST);
      assertEquals(2, zero.code(), zero.toString());
      CliRun words = wasidl("run", "--dl", flag, "lots", "--invoke", call(), GUEST);
      assertEquals(2, words.code(), words.toString());
      assertTrue(words.err().contains("lots"), words.toString());
    }
    CliRun noDl = wasidl("run", "--dl-max-memory", "4096", "--invoke", call(), GUEST);
    assertEquals(2, noDl.code(), noDl.toString());
    assertTrue(noDl.err().contains("--dl-max-* need --dl"), noDl.toString());
  }
}
