package dev.wasidl.ffm;

import static dev.wasidl.ffm.PrimitiveType.C_DOUBLE;
import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.ffm.PrimitiveType.C_LONG;
import static dev.wasidl.ffm.PrimitiveType.POINTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.ffm.internal.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's library-policy reproductions, as an attacker would try them: symbols of a granted
 * library's dependencies, path tricks around glob rules, and data reached past pins.
 */
class PolicyEscapesTest {
  private static final String LIBC = Native.realpath("/lib/x86_64-linux-gnu/libc.so.6");
  private static final String LIBZ = Native.realpath("/lib/x86_64-linux-gnu/libz.so.1");
  private static final String SQLITE = Native.realpath("/lib/x86_64-linux-gnu/libsqlite3.so.0");

  // Under target/ (the working directory's subtree), so relative names reach it without '..'.
  private Path tmp;

  @BeforeEach
  void makeTemp() throws IOException {
    Files.createDirectories(Path.of("target"));
    tmp = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "policy-");
  }

  @AfterEach
  void removeTemp() throws IOException {
    try (Stream<Path> all = Files.walk(tmp)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String notFound(Library lib, String symbol) {
    assertTrue(lib.find(symbol).isEmpty(), symbol + " must not be found in " + lib);
    return assertThrows(SymbolNotFoundException.class, () -> lib.get(symbol)).getMessage();
  }

  private static String refused(DlPolicy policy, String name) {
    return assertThrows(PolicyException.class, () -> Library.open(name, OpenFlags.NOW, policy))
        .getMessage();
  }

  // --- 1. a library's symbols are its own object's ---

  @Test
  void libmDoesNotHandOutLibc() {
    DlPolicy policy = DlPolicy.builder().allow("libm.so.6").build();
    try (Library m = Library.open("libm.so.6", OpenFlags.NOW, policy)) {
      for (String s : new String[] {"system", "dlopen", "environ", "execve", "malloc"}) {
        String e = notFound(m, s);
        assertEquals(
            "symbol "
                + s
                + " is not defined in libm.so.6 (found in /lib/x86_64-linux-gnu/libc.so.6, which"
                + " the policy does not grant)",
            e.replace("/usr/lib/", "/lib/"));
      }
      // libm's own functions, IFUNCs included (cos, exp resolve to a variant inside libm)
      Function cos = m.get("cos").function(Signature.of(C_DOUBLE, C_DOUBLE));
      assertEquals(
          1.0,
          ((IncomingPrimitive) cos.call(OutgoingPrimitive.ofDouble(C_DOUBLE, 0)).orElseThrow())
              .getF64());
      m.get("exp");
    }
  }

  @Test
  void aGrantedDependencyIsReachableAndTheProcessReachesEverything() {
    // a bare rule grants the object the loader finds for that name
    DlPolicy both = DlPolicy.builder().allow("libm.so.6").allow("libc.so.6").build();
    try (Library m = Library.open("libm.so.6", OpenFlags.NOW, both);
        Library c = Library.open("libc.so.6", OpenFlags.NOW, both)) {
      assertEquals(c.get("getpid").address(), m.get("getpid").address());
    }
    // so does a path rule naming its file, and a deny rule takes it back
    DlPolicy byPath = DlPolicy.builder().allow("libm.so.6").allow(LIBC).build();
    try (Library m = Library.open("libm.so.6", OpenFlags.NOW, byPath)) {
      m.get("getpid");
    }
    DlPolicy denied =
        DlPolicy.builder().allow("libm.so.6").allow("lib*.so.6").deny("libc.so.6").build();
    try (Library m = Library.open("libm.so.6", OpenFlags.NOW, denied)) {
      assertTrue(notFound(m, "getpid").contains("is not defined in libm.so.6"));
    }
    DlPolicy self = DlPolicy.builder().allow(DlPolicy.PROCESS).build();
    try (Library p = Library.open(null, OpenFlags.NOW, self)) {
      p.get("system");
      p.get("environ");
    }
  }

  @Test
  void symbolsKnowTheirSizeAndAllocsStayInside() {
    DlPolicy self = DlPolicy.builder().allow(DlPolicy.PROCESS).build();
    try (Library p = Library.open(null, OpenFlags.NOW, self)) {
      Symbol environ = p.get("environ");
      assertEquals(8, environ.size());
      environ.getAlloc(POINTER).close();
      OutOfBoundsException e =
          assertThrows(
              OutOfBoundsException.class,
              () -> environ.getAlloc(StructType.of(POINTER, POINTER, POINTER)));
      assertEquals(
          "symbol environ is 8 bytes; struct{pointer, pointer, pointer} needs 24: reading it"
              + " would go past the symbol",
          e.getMessage());
      // the 1.6 MB struct over a small symbol
      FfiType huge = StructType.of(java.util.Collections.nCopies(200_000, C_LONG));
      assertThrows(OutOfBoundsException.class, () -> environ.getAlloc(huge));
    }
  }

  // --- 2. rules match canonical paths ---

  @Test
  void dotDotNamesAreRefusedOutright() throws IOException {
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    DlPolicy policy = DlPolicy.builder().allow(plugins + "/*").allow("libm.so*").build();
    String up = plugins + "/../.." + LIBC;
    String e = refused(policy, up);
    assertEquals(
        "library "
            + up
            + " is refused: its name has a '..' segment (name the library by a path without"
            + " '..')",
        e);
    // the second form, with the directory really there
    Files.createDirectories(Path.of("libm.so.6.d"));
    try {
      assertTrue(refused(policy, "libm.so.6.d/../../x/libevil.so").contains("'..'"));
    } finally {
      Files.delete(Path.of("libm.so.6.d"));
    }
  }

  @Test
  void starDoesNotSpanSlashesAndSymlinksAreFollowedBeforeMatching() throws IOException {
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    Path sub = Files.createDirectories(plugins.resolve("sub"));
    Files.copy(Path.of(LIBZ), plugins.resolve("libz-copy.so"));
    Files.copy(Path.of(LIBZ), sub.resolve("libz-deep.so"));
    Files.createSymbolicLink(plugins.resolve("libsneaky.so"), Path.of(SQLITE));
    DlPolicy policy = DlPolicy.builder().allow(plugins + "/*").build();
    try (Library z = Library.open(plugins + "/libz-copy.so", OpenFlags.NOW, policy)) {
      z.get("crc32");
    }
    assertTrue(
        refused(policy, sub + "/libz-deep.so").contains("no allow rule matches it"),
        "* must not span /");
    String sneaky = refused(policy, plugins + "/libsneaky.so");
    assertTrue(sneaky.contains("(" + SQLITE + ")") && sneaky.contains("not allowed"), sneaky);
    // ** spans directories
    DlPolicy deep = DlPolicy.builder().allow(plugins + "/**").build();
    Library.open(sub + "/libz-deep.so", OpenFlags.NOW, deep).close();
  }

  @Test
  void rulesAreCanonicalizedWhenBuilt() throws IOException {
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    Files.copy(Path.of(LIBZ), plugins.resolve("libz-copy.so"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), plugins);
    // a rule through a symlinked directory grants the real directory's files
    DlPolicy viaLink = DlPolicy.builder().allow(link + "/*.so").build();
    Library.open(plugins + "/libz-copy.so", OpenFlags.NOW, viaLink).close();
    // relative rules and relative names, both against the working directory
    Path cwd = Path.of("").toAbsolutePath();
    String relative = cwd.relativize(plugins).toString();
    DlPolicy rel = DlPolicy.builder().allow(relative + "/*").build();
    Library.open("./" + relative + "/libz-copy.so", OpenFlags.NOW, rel).close();
    assertThrows(
        IllegalArgumentException.class, () -> DlPolicy.builder().allow(plugins + "/*/../x"));
  }

  @Test
  void bareRulesGrantWhatTheLoaderFindsAndNotACopy() throws IOException {
    Path copy =
        Files.copy(Path.of(LIBZ), Files.createDirectories(tmp.resolve("d")).resolve("libz.so.1"));
    DlPolicy policy = DlPolicy.builder().allow("libz.so.1").build();
    Library.open("libz.so.1", OpenFlags.NOW, policy).close();
    Library.open("/lib/x86_64-linux-gnu/libz.so.1", OpenFlags.NOW, policy).close();
    assertTrue(refused(policy, copy.toString()).contains("not allowed"));
    // the file the loader finds for libz.so.1 is granted under its versioned name too: it is the
    // file a library opened by the rule is loaded from, and its link map names it so
    Library.open(LIBZ, OpenFlags.NOW, policy).close();
    // a glob rule matches names only: lib?.so.1 does not name libz.so.1.2.13
    assertTrue(
        refused(DlPolicy.builder().allow("lib?.so.1").build(), LIBZ).contains("not allowed"));
    // a deny rule by path catches the bare name that resolves to it
    DlPolicy deny = DlPolicy.builder().allow("*").deny(SQLITE).build();
    String e = refused(deny, "libsqlite3.so.0");
    assertTrue(e.contains("is denied by rule deny " + SQLITE), e);
  }

  @Test
  void aBareNameTheLoaderCannotFindIsNotOpened() {
    DlPolicy policy = DlPolicy.builder().allow("libdoes-not-exist.so").build();
    DlOpenException e =
        assertThrows(
            DlOpenException.class,
            () -> Library.open("libdoes-not-exist.so", OpenFlags.NOW, policy));
    assertTrue(e.getMessage().startsWith("libdoes-not-exist.so: cannot open shared object file"));
  }

  // --- 3. pins gate data too ---

  @Test
  void pinnedOnlyRefusesUnpinnedSymbolsAtLookup() {
    DlPolicy policy =
        DlPolicy.builder()
            .allow("libm.so.6")
            .allow(DlPolicy.PROCESS)
            .pin("*", "cos", Signature.of(C_DOUBLE, C_DOUBLE))
            .pinnedOnly()
            .build();
    try (Library m = Library.open("libm.so.6", OpenFlags.NOW, policy);
        Library p = Library.open(null, OpenFlags.NOW, policy)) {
      m.get("cos").function(Signature.of(C_DOUBLE, C_DOUBLE));
      String e = assertThrows(PolicyException.class, () -> m.get("environ")).getMessage();
      assertEquals("symbol environ of libm.so.6 is not pinned and the policy is pinned-only", e);
      e = assertThrows(PolicyException.class, () -> p.get("environ")).getMessage();
      assertEquals("symbol environ of @self is not pinned and the policy is pinned-only", e);
      assertThrows(PolicyException.class, () -> m.find("sin"));
      // a function pin is not a data pin: its bytes stay unread
      e = assertThrows(PolicyException.class, () -> m.get("cos").getAlloc(POINTER)).getMessage();
      assertEquals(
          "cos may not be read as pointer: it is pinned as a function (c-double) -> c-double"
              + " (rule pin *:cos)",
          e);
    }
  }

  @Test
  void dataPinsAllowExactlyTheirType() {
    DlPolicy policy =
        DlPolicy.builder()
            .allow("libm.so.6")
            .allow(DlPolicy.PROCESS)
            .pinData("*", "environ", POINTER)
            .pinnedOnly()
            .build();
    try (Library m = Library.open("libm.so.6", OpenFlags.NOW, policy);
        Library p = Library.open(null, OpenFlags.NOW, policy)) {
      // pinned, but libc is not granted: libm still does not hand it out
      assertTrue(notFound(m, "environ").contains("is not defined in libm.so.6"));
      Symbol environ = p.get("environ");
      try (Alloc a = environ.getAlloc(POINTER)) {
        assertTrue(a.readPrimitive().getU64() != 0);
      }
      String e = assertThrows(PolicyException.class, () -> environ.getAlloc(C_LONG)).getMessage();
      assertEquals(
          "environ may not be read as c-long: it is pinned as data pointer (rule pin *:environ)",
          e);
      e =
          assertThrows(PolicyException.class, () -> environ.function(Signature.of(C_INT)))
              .getMessage();
      assertEquals(
          "environ is pinned as data, not as a function (rule pin *:environ: data pointer)", e);
    }
  }

  @Test
  void pinFilesHaveADataForm() {
    var pins =
        DlPolicy.parsePinFile(
            "p.pins",
            "cos: (c-double) -> c-double\nenviron: data pointer\norigin: data struct{c-schar,"
                + " c-int}\n");
    assertEquals(new Pinned.Call(Signature.of(C_DOUBLE, C_DOUBLE)), pins.get("cos"));
    assertEquals(new Pinned.Data(POINTER), pins.get("environ"));
    assertEquals(new Pinned.Data(StructType.of(PrimitiveType.C_SCHAR, C_INT)), pins.get("origin"));
    assertEquals("data struct{c-schar, c-int}", pins.get("origin").toString());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> DlPolicy.parsePinFile("p.pins", "x: data\n"))
            .getMessage()
            .startsWith("p.pins:1: expected a type after 'data'"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> DlPolicy.parsePinFile("p.pins", "x: data nonsense\n"))
            .getMessage()
            .startsWith("p.pins:1: unknown type 'nonsense'"));
    assertEquals(
        "p.pins:2: environ is a data pin; only function pins are expected here",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    DlPolicy.parsePins(
                        "p.pins", "cos: (c-double) -> c-double\nenviron: data pointer\n"))
            .getMessage());
  }

  @Test
  void namesWithNulAreRefusedNotTruncated() {
    DlPolicy policy =
        DlPolicy.builder()
            .allow("libm.so.6")
            .pin("libm.so.6", "cos", Signature.of(C_DOUBLE, C_DOUBLE))
            .build();
    assertTrue(refused(policy, "libm.so.6\0/../../tmp/x.so").contains("contains a NUL"));
    try (Library m = Library.open("libm.so.6", OpenFlags.NOW, policy)) {
      // dlsym would find cos under a name its pin does not name, and let it be read as data
      assertTrue(notFound(m, "cos\0x").contains("a symbol name has no NUL"));
    }
  }
}
