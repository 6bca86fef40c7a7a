package dev.wasidl.nativetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibsTest {
  private static final List<String> LIBS =
      List.of(
          "wasidl_prims",
          "wasidl_structs",
          "wasidl_pointers",
          "wasidl_provider",
          "wasidl_hostile",
          "wasidl_consumer",
          "wasidl_consumer_lazy",
          "hello");

  private static final List<String> PRIMITIVES =
      List.of(
          "c-schar",
          "c-uchar",
          "c-short",
          "c-ushort",
          "c-int",
          "c-uint",
          "c-long",
          "c-ulong",
          "c-long-long",
          "c-ulong-long",
          "c-float",
          "c-double",
          "int8-t",
          "int16-t",
          "int32-t",
          "int64-t",
          "uint8-t",
          "uint16-t",
          "uint32-t",
          "uint64-t",
          "pointer");

  @Test
  void everyLibraryIsBuiltAsAnElfSharedObject() throws IOException {
    for (String name : LIBS) {
      Path lib = NativeLibs.path(name);
      assertEquals(NativeLibs.dir().resolve("lib" + name + ".so"), lib);
      byte[] head = new byte[4];
      try (InputStream in = Files.newInputStream(lib)) {
        assertEquals(4, in.read(head));
      }
      assertEquals("\u007fELF", new String(head, StandardCharsets.ISO_8859_1));
    }
    assertSame(NativeLibs.dir(), NativeLibs.dir());
  }

  @Test
  void unknownLibraryFailsNamingTheFile() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NativeLibs.path("nope"));
    assertTrue(e.getMessage().contains("libnope.so"), e.getMessage());
    assertTrue(e.getMessage().contains("libwasidl_prims.so"), e.getMessage());
  }

  @Test
  void layoutsHoldTheCompilersNumbers() {
    Map<String, Long> l = NativeLibs.layouts();
    for (String p : PRIMITIVES) {
      assertTrue(l.containsKey("sizeof." + p), p);
      assertTrue(l.containsKey("alignof." + p), p);
    }
    assertEquals(8L, l.get("sizeof.c-long"));
    assertEquals(8L, l.get("sizeof.pointer"));
    assertEquals(1L, l.get("sizeof.c-schar"));
    assertEquals(8L, l.get("sizeof.struct.CI"));
    assertEquals(4L, l.get("alignof.struct.CI"));
    assertEquals(0L, l.get("offsetof.struct.CI.c"));
    assertEquals(4L, l.get("offsetof.struct.CI.i"));
    assertEquals(3L, l.get("sizeof.struct.CCC"));
    assertEquals(1L, l.get("alignof.struct.CCC"));
    assertEquals(24L, l.get("sizeof.struct.LLL"));
    assertEquals(12L, l.get("sizeof.struct.FFF"));
    assertEquals(8L, l.get("offsetof.struct.I8I64.b"));
    assertEquals(32L, l.get("sizeof.struct.Outer"));
    assertEquals(8L, l.get("offsetof.struct.Outer.dd"));
    assertEquals(24L, l.get("offsetof.struct.Outer.tail"));
    assertEquals(16L, l.get("offsetof.struct.Ptrs.fn"));
    assertEquals(64L, l.get("sizeof.struct.F16"));
    assertEquals(60L, l.get("offsetof.struct.F16.f15"));
  }

  /** Packs NativeLibs and the libraries into a jar and checks dir() extracts them, unchanged. */
  @Test
  void insideAJarTheLibrariesAreExtractedSideBySide(@TempDir Path tmp) throws Exception {
    Path jar = tmp.resolve("native-tests.jar");
    List<String> files = Files.readAllLines(NativeLibs.dir().resolve("index.txt"));
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out)) {
      j.putNextEntry(new JarEntry("dev/wasidl/nativetests/NativeLibs.class"));
      try (InputStream in = NativeLibs.class.getResourceAsStream("NativeLibs.class")) {
        in.transferTo(j);
      }
      for (String f : files) {
        j.putNextEntry(new JarEntry("native/linux-x86_64/" + f));
        Files.copy(NativeLibs.dir().resolve(f), j);
      }
      j.putNextEntry(new JarEntry("native/linux-x86_64/index.txt"));
      Files.copy(NativeLibs.dir().resolve("index.txt"), j);
    }
    // Parent null (boot): the app and platform loaders would find this module's own NativeLibs.
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Class<?> c = loader.loadClass(NativeLibs.class.getName());
      assertNotEquals(NativeLibs.class, c);
      Path extracted = (Path) c.getMethod("dir").invoke(null);
      assertNotEquals(NativeLibs.dir(), extracted);
      assertSame(extracted, c.getMethod("dir").invoke(null));
      for (String f : files) {
        assertEquals(-1L, Files.mismatch(NativeLibs.dir().resolve(f), extracted.resolve(f)), f);
      }
      assertEquals(
          NativeLibs.layouts(), c.getMethod("layouts").invoke(null), "layouts read from the copy");
    }
  }
}
