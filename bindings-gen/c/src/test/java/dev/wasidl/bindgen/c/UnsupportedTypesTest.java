package dev.wasidl.bindgen.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.ffm.Signature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What wasi:dl cannot express fails naming the function and the type; clang errors are clang's. */
class UnsupportedTypesTest {
  @TempDir static Path dir;
  private static CHeader header;

  @BeforeAll
  static void write() throws IOException {
    Path h = dir.resolve("odd.h");
    Files.writeString(
        h,
        """
        #include <stdint.h>
        #include <stddef.h>
        union U { int i; float f; };
        struct Bits { int a : 3; int b : 5; };
        struct Flex { int n; int data[]; };
        struct Arr { char name[4]; int8_t small[2]; struct { double x, y; } pts[2]; };
        struct Packed { char c; int i; } __attribute__((packed));
        struct HasUnion { int tag; union U u; };
        struct Opaque;
        typedef struct { uint16_t lo; uint32_t hi; } Pair;
        enum Color { RED, GREEN };
        enum Neg { MINUS = -1 };
        typedef enum Color color_t;

        int takes_union(union U u);
        union U returns_union(void);
        int takes_bits(struct Bits b);
        long double ld(long double x);
        double _Complex cx(double re);
        void flex(struct Flex f);
        void packed(struct Packed p);
        void has_union(struct HasUnion h);
        void opaque(struct Opaque o);
        void opaque_ptr(struct Opaque *o);
        __int128 wide(void);
        int no_proto();
        static inline int helper(int x) { return x + 1; }
        struct Arr arr(struct Arr a, int m[3], void (*cb)(int), int f(int));
        Pair pair(Pair p, color_t c, enum Neg n, _Bool b, char ch, unsigned char u, size_t s, ptrdiff_t d);
        """);
    header = CHeader.read(h);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "takes_union | parameter 1 (u) has type union U, a union, which wasi:dl cannot express",
        "returns_union | the result has type union U, a union",
        "takes_bits | struct Bits (",
        "takes_bits | field a is a bitfield, which wasi:dl cannot express",
        "ld | parameter 1 (x) has type long double, and wasi:dl has no long double",
        "cx | the result has type _Complex double, and wasi:dl has no _Complex types",
        "flex | field data has type int[], a flexible array member",
        "packed | has a layout the C rules do not give (packed or over-aligned?)",
        "has_union | field u has type union U, a union",
        "opaque | is incomplete (declared, never defined)",
        "wide | the result has type __int128, and wasi:dl has no 128-bit integers",
        "no_proto | declared without a prototype",
        "helper | is static, so no library exports a symbol for it"
      })
  void namesTheFunctionAndTheType(String function, String message) {
    UnsupportedTypeException e =
        assertThrows(UnsupportedTypeException.class, () -> header.function(function));
    assertEquals(function, e.declaration());
    assertTrue(e.getMessage().startsWith("function " + function + " ("), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void structsFailOnTheirOwn() {
    UnsupportedTypeException e =
        assertThrows(UnsupportedTypeException.class, () -> header.struct("Bits"));
    assertEquals("Bits", e.declaration());
    assertTrue(e.getMessage().startsWith("struct Bits ("), e.getMessage());
    assertTrue(header.unsupported().size() >= 13, header.unsupported()::toString);
  }

  @Test
  void arraysInStructsAreRepeatedFields() {
    CStruct arr = header.struct("Arr");
    assertEquals(
        "struct{c-schar, c-schar, c-schar, c-schar, int8-t, int8-t,"
            + " struct{c-double, c-double}, struct{c-double, c-double}}",
        arr.type().witName());
    assertEquals(
        List.of(
            "name[0]", "name[1]", "name[2]", "name[3]", "small[0]", "small[1]", "pts[0]", "pts[1]"),
        arr.fields().stream().map(CField::name).toList());
    assertEquals(40, arr.size());
    assertEquals(24, arr.offsetOf("pts[1]").orElseThrow());
  }

  @Test
  void pointersEnumsTypedefsAndScalars() {
    assertEquals(
        Signature.parse(
            "(struct{c-schar, c-schar, c-schar, c-schar, int8-t, int8-t, struct{c-double, c-double},"
                + " struct{c-double, c-double}}, pointer, pointer, pointer) -> struct{c-schar, c-schar, c-schar,"
                + " c-schar, int8-t, int8-t, struct{c-double, c-double}, struct{c-double, c-double}}"),
        header.function("arr").signature());
    assertEquals(
        Signature.parse(
            "(struct{uint16-t, uint32-t}, c-uint, c-int, c-uchar, c-schar, c-uchar, c-ulong, c-long)"
                + " -> struct{uint16-t, uint32-t}"),
        header.function("pair").signature());
    assertEquals(Signature.parse("(pointer)"), header.function("opaque_ptr").signature());
    assertEquals("struct{uint16-t, uint32-t}", header.struct("Pair").type().witName());
  }

  @Test
  void missingHeaderGivesClangsDiagnostic() {
    Path missing = dir.resolve("missing.h");
    ClangDiagnosticException e =
        assertThrows(ClangDiagnosticException.class, () -> CHeader.read(missing));
    assertEquals(1, e.diagnostics().size(), e.diagnostics()::toString);
    assertTrue(
        e.diagnostics().getFirst().contains("fatal error: '" + missing + "' file not found"),
        e.getMessage());
  }

  @Test
  void syntaxErrorsAreClangs() throws IOException {
    Path bad = dir.resolve("bad.h");
    Files.writeString(bad, "int f(int x;\n");
    ClangDiagnosticException e =
        assertThrows(ClangDiagnosticException.class, () -> CHeader.read(bad));
    assertTrue(e.getMessage().contains(bad + ":1:"), e.getMessage());
    assertTrue(e.getMessage().contains("error: expected ')'"), e.getMessage());
  }
}
