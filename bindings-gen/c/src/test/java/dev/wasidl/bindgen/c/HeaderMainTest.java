package dev.wasidl.bindgen.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line: its outputs, exit statuses and one-line errors. */
class HeaderMainTest {
  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        HeaderMain.run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsPinsWithoutPinFile() {
    Run r = run("--header", "/usr/include/math.h", "--function", "cos", "--function", "frexp");
    assertEquals(0, r.status(), r.err());
    assertEquals(
        """
        # wasi:dl signatures from math.h (wasidl bindings-gen HeaderMain)
        cos: (c-double) -> c-double
        frexp: (c-double, pointer) -> c-double
        """,
        r.out());
  }

  @Test
  void allOfAHeaderReportsWhatItSkips() {
    Run r = run("--header", NativeTestsHeadersTest.C.resolve("wasidl_dlopen.h").toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("provided_value: () -> c-int\nconsume: () -> c-int\n"), r.out());
  }

  @Test
  void variablesBecomeDataPins() {
    Run r =
        run(
            "--header",
            NativeTestsHeadersTest.C.resolve("wasidl_pointers.h").toString(),
            "--function",
            "get_counter",
            "--variable",
            "counter,greeting,origin");
    assertEquals(0, r.status(), r.err());
    assertEquals(
        """
        # wasi:dl signatures from wasidl_pointers.h (wasidl bindings-gen HeaderMain)
        get_counter: () -> c-int
        counter: data c-int
        greeting: data pointer
        origin: data struct{c-schar, c-int}
        """,
        r.out());
  }

  @Test
  void anArrayVariableHasNoDataPin() {
    Run r =
        run(
            "--header",
            NativeTestsHeadersTest.C.resolve("wasidl_hostile.h").toString(),
            "--variable",
            "hostile_small");
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("variable hostile_small ("), r.err());
    assertTrue(r.err().contains("wasi:dl cannot pass arrays by value"), r.err());
  }

  @Test
  void unsupportedFunctionIsAnError() {
    Run r = run("--header", "/usr/include/math.h", "--function", "cos,cosl");
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("function cosl ("), r.err());
    assertTrue(r.err().contains("wasi:dl has no long double"), r.err());
  }

  @Test
  void undeclaredFunctionIsAnError() {
    Run r = run("--header", "/usr/include/zlib.h", "--function", "crc64");
    assertEquals(1, r.status());
    assertEquals("no function crc64 is declared in /usr/include/zlib.h\n", r.err());
  }

  @Test
  void usageErrors() {
    assertEquals(2, run().status());
    assertEquals(2, run("--header").status());
    assertEquals(2, run("--header", "x.h", "--bogus", "1").status());
    assertEquals(2, run("--header", "x.h", "--java", "out").status());
    assertEquals(0, run("--help").status());
  }
}
