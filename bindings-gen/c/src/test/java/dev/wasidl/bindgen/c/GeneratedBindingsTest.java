package dev.wasidl.bindgen.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.PolicyException;
import dev.wasidl.ffm.Signature;
import dev.wasidl.nativetests.NativeLibs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HeaderMain on zlib.h, math.h and native-tests' wasidl_structs.h: the pin file drives a DlPolicy,
 * and the Java bindings compile (javax.tools) and call the real libraries.
 */
class GeneratedBindingsTest {
  @TempDir static Path dir;
  private static URLClassLoader loader;
  private static final StringBuilder STDERR = new StringBuilder();

  @BeforeAll
  static void generateAndCompile() throws Exception {
    Path src = dir.resolve("src");
    main(
        "--header", SystemHeadersTest.ZLIB.toString(),
        "--function", "crc32,compress,uncompress,zlibVersion",
        "--function", "compressBound",
        "--pins", dir.resolve("zlib.pins").toString(),
        "--java", src.toString(),
        "--package", "gen.zlib",
        "--class", "Zlib",
        "--library", "libz.so.1");
    main(
        "--header", SystemHeadersTest.MATH.toString(),
        "--function", "cos,pow,frexp",
        "--java", src.toString(),
        "--package", "gen.m",
        "--class", "LibM");
    main(
        "--header", NativeTestsHeadersTest.C.resolve("wasidl_structs.h").toString(),
        "--function", "make_ci,add_dd,sum_outer,spill",
        "--struct", "F16",
        "--java", src.toString(),
        "--package", "gen.structs",
        "--class", "Structs",
        "--library", NativeLibs.path("wasidl_structs").toString());
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-Xlint:all", "-Werror"));
    try (Stream<Path> files = Files.walk(src)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
    assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
    loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, GeneratedBindingsTest.class.getClassLoader());
  }

  @AfterAll
  static void close() throws Exception {
    loader.close();
  }

  private static void main(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        HeaderMain.run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    STDERR.append(err.toString(StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
  }

  private static Object call(String className, String method, Object... args) throws Exception {
    Class<?> c = loader.loadClass(className);
    for (Method m : c.getMethods()) {
      if (m.getName().equals(method)) {
        try {
          return m.invoke(null, args);
        } catch (InvocationTargetException e) {
          throw (Exception) e.getCause();
        }
      }
    }
    throw new NoSuchMethodException(className + "." + method);
  }

  @Test
  void zlibCrc32AndRoundTrip() throws Exception {
    try (Arena arena = Arena.ofConfined()) {
      byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
      MemorySegment buf = arena.allocateFrom(ValueLayout.JAVA_BYTE, hello);
      assertEquals(0x3610a686L, call("gen.zlib.Zlib", "crc32", 0L, buf, hello.length));

      byte[] text = "wasi:dl wasi:dl wasi:dl wasi:dl wasi:dl".getBytes(StandardCharsets.US_ASCII);
      long bound = (long) call("gen.zlib.Zlib", "compressBound", (long) text.length);
      MemorySegment packed = arena.allocate(bound);
      MemorySegment packedLen = arena.allocateFrom(ValueLayout.JAVA_LONG, bound);
      MemorySegment source = arena.allocateFrom(ValueLayout.JAVA_BYTE, text);
      assertEquals(
          0, call("gen.zlib.Zlib", "compress", packed, packedLen, source, (long) text.length));
      MemorySegment unpacked = arena.allocate(text.length);
      MemorySegment unpackedLen = arena.allocateFrom(ValueLayout.JAVA_LONG, text.length);
      long n = packedLen.get(ValueLayout.JAVA_LONG, 0);
      assertEquals(0, call("gen.zlib.Zlib", "uncompress", unpacked, unpackedLen, packed, n));
      assertEquals(text.length, unpackedLen.get(ValueLayout.JAVA_LONG, 0));
      assertEquals(
          new String(text, StandardCharsets.US_ASCII),
          new String(unpacked.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII));
    }
  }

  @Test
  void zlibVersionIsAPointer() throws Exception {
    MemorySegment version = (MemorySegment) call("gen.zlib.Zlib", "zlibVersion");
    assertTrue(version.address() != 0);
  }

  @Test
  void libmCosPowFrexp() throws Exception {
    assertEquals(1.0, call("gen.m.LibM", "cos", 0.0));
    assertEquals(-1.0, call("gen.m.LibM", "cos", Math.PI));
    assertEquals(1024.0, call("gen.m.LibM", "pow", 2.0, 10.0));
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment exp = arena.allocate(ValueLayout.JAVA_INT);
      assertEquals(0.5, call("gen.m.LibM", "frexp", 8.0, exp));
      assertEquals(4, exp.get(ValueLayout.JAVA_INT, 0));
    }
  }

  @Test
  void structsByValueAndSpill() throws Exception {
    StructLayout ci =
        (StructLayout) loader.loadClass("gen.structs.Structs").getField("CI").get(null);
    assertEquals(8, ci.byteSize());
    StructLayout f16 =
        (StructLayout) loader.loadClass("gen.structs.Structs").getField("F16").get(null);
    assertEquals(64, f16.byteSize());
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment made =
          (MemorySegment)
              call("gen.structs.Structs", "make_ci", (SegmentAllocator) arena, (byte) 'a', 7);
      assertEquals('a', made.get(ValueLayout.JAVA_BYTE, 0));
      assertEquals(7, made.get(ValueLayout.JAVA_INT, 4));

      MemorySegment dd = arena.allocate(16, 8);
      dd.set(ValueLayout.JAVA_DOUBLE, 0, 19.0);
      dd.set(ValueLayout.JAVA_DOUBLE, 8, 20.0);
      MemorySegment t = arena.allocate(ci);
      t.set(ValueLayout.JAVA_BYTE, 0, (byte) 21);
      t.set(ValueLayout.JAVA_INT, 4, 22);
      Object[] args = new Object[21];
      for (int i = 0; i < 8; i++) {
        args[i] = i + 1;
      }
      for (int i = 8; i < 18; i++) {
        args[i] = (double) (i + 1);
      }
      args[18] = dd;
      args[19] = t;
      args[20] = 23L;
      assertEquals(4324.0, call("gen.structs.Structs", "spill", args));
      MemorySegment sum = (MemorySegment) call("gen.structs.Structs", "add_dd", arena, dd, dd);
      assertEquals(38.0, sum.get(ValueLayout.JAVA_DOUBLE, 0));
    }
  }

  @Test
  void pinFileDrivesThePolicy() {
    PinFile pins = PinFile.read(dir.resolve("zlib.pins"));
    assertEquals(5, pins.pins().size());
    DlPolicy policy = pins.pinAll(DlPolicy.builder().allow("*"), "libz.so.1").build();
    Signature crc32 = Signature.parse("(c-ulong, pointer, c-uint) -> c-ulong");
    assertEquals(crc32, policy.pinned("libz.so.1", "crc32").orElseThrow());
    policy.checkSignature("libz.so.1", "crc32", crc32);
    PolicyException refused =
        assertThrows(
            PolicyException.class,
            () ->
                policy.checkSignature(
                    "libz.so.1",
                    "crc32",
                    Signature.parse("(c-ulong, pointer, c-ulong) -> c-ulong")));
    assertTrue(refused.getMessage().contains("does not match the pinned"), refused.getMessage());
  }

  @Test
  void pinFileText() throws Exception {
    List<String> lines = Files.readAllLines(dir.resolve("zlib.pins"));
    assertTrue(lines.getFirst().startsWith("# wasi:dl signatures from zlib.h"), lines.getFirst());
    assertTrue(lines.contains("crc32: (c-ulong, pointer, c-uint) -> c-ulong"), lines::toString);
    assertTrue(lines.contains("zlibVersion: () -> pointer"), lines::toString);
  }
}
