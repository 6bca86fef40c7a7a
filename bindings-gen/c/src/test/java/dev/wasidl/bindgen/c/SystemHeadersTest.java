package dev.wasidl.bindgen.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Signature;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** zlib.h and math.h as installed: signatures as their manual pages give them. */
class SystemHeadersTest {
  static final Path ZLIB = Path.of("/usr/include/zlib.h");
  static final Path MATH = Path.of("/usr/include/math.h");

  private static CHeader zlib;
  private static CHeader math;

  @BeforeAll
  static void read() {
    zlib = CHeader.read(ZLIB);
    math = CHeader.read(MATH);
  }

  @Test
  void zlibFunctions() {
    Map<String, String> expected =
        Map.of(
            "crc32", "(c-ulong, pointer, c-uint) -> c-ulong",
            "adler32", "(c-ulong, pointer, c-uint) -> c-ulong",
            "crc32_z", "(c-ulong, pointer, c-ulong) -> c-ulong",
            "compress", "(pointer, pointer, pointer, c-ulong) -> c-int",
            "compress2", "(pointer, pointer, pointer, c-ulong, c-int) -> c-int",
            "uncompress", "(pointer, pointer, pointer, c-ulong) -> c-int",
            "compressBound", "(c-ulong) -> c-ulong",
            "zlibVersion", "() -> pointer",
            "deflateInit_", "(pointer, c-int, pointer, c-int) -> c-int",
            "gzprintf", "(pointer, pointer, ...) -> c-int");
    expected.forEach(
        (name, sig) -> assertEquals(Signature.parse(sig), zlib.function(name).signature(), name));
    assertTrue(zlib.function("gzprintf").variadic());
  }

  @Test
  void zlibStreamStruct() {
    CStruct z = zlib.struct("z_stream"); // typedef struct z_stream_s {...} z_stream
    assertEquals("z_stream_s", z.name());
    assertEquals(112, z.size());
    assertEquals(8, z.alignment());
    assertEquals(z.size(), z.type().byteSize());
    assertEquals(PrimitiveType.POINTER, z.fields().get(0).type()); // next_in
    assertEquals(PrimitiveType.C_UINT, z.fields().get(1).type()); // avail_in
    assertEquals(16, z.offsetOf("total_in").orElseThrow());
    assertEquals(z, zlib.struct("z_stream_s"));
  }

  @Test
  void everyZlibFunctionMaps() {
    List<CFunction> all = zlib.functions();
    assertTrue(all.size() >= 70, () -> all.size() + " functions");
    assertTrue(zlib.unsupported().isEmpty(), () -> zlib.unsupported().toString());
    for (CFunction f : all) {
      assertEquals(f.signature(), Signature.parse(f.signature().toString()), f.name());
    }
  }

  @Test
  void mathFunctions() {
    assertEquals(Signature.parse("(c-double) -> c-double"), math.function("cos").signature());
    assertEquals(Signature.parse("(c-float) -> c-float"), math.function("cosf").signature());
    assertEquals(
        Signature.parse("(c-double, c-double) -> c-double"), math.function("pow").signature());
    assertEquals(
        Signature.parse("(c-double, pointer) -> c-double"), math.function("frexp").signature());
    assertEquals(
        Signature.parse("(c-double, c-int) -> c-double"), math.function("ldexp").signature());
    assertEquals(Signature.parse("(pointer) -> c-double"), math.function("nan").signature());
  }

  @Test
  void longDoubleIsNamed() {
    UnsupportedTypeException e =
        assertThrows(UnsupportedTypeException.class, () -> math.function("cosl"));
    assertEquals("cosl", e.declaration());
    assertTrue(
        e.getMessage().startsWith("function cosl (long double (long double), "), e.getMessage());
    assertTrue(e.getMessage().contains("has type long double, and wasi:dl has no long double"));
  }

  @Test
  void mathHeaderItselfDeclaresNothing() {
    // math.h declares its functions in bits/mathcalls.h: name them to take them.
    assertTrue(math.functions().isEmpty());
    assertThrows(UndeclaredException.class, () -> math.function("no_such_function"));
  }
}
