package dev.wasidl.dl;

import static dev.wasidl.dl.Guest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasidl.bindings.Resource;
import dev.wasidl.dl.bindings.wasi.dl.Dll;
import dev.wasidl.dl.bindings.wasi.dl.Ffi;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.PrimitiveType;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Real system libraries through the host: libm, libc (the running process) and zlib. */
class DlSystemLibrariesTest {
  private static final DlPolicy POLICY =
      DlPolicy.builder().allow("libm.so.6").allow("libz.so.1").allow(DlPolicy.PROCESS).build();

  @Test
  void libm() {
    try (Guest g = new Guest(POLICY)) {
      Resource<Dll.Library> m = g.open("libm.so.6");
      Resource<Dll.Function> cos = g.fn(m, "cos", "(c-double) -> c-double");
      assertEquals(Math.cos(1.0), g.callF64(cos, g.dval(PrimitiveType.C_DOUBLE, 1.0)));
      Resource<Dll.Function> pow = g.fn(m, "pow", "(c-double, c-double) -> c-double");
      assertEquals(
          1024.0,
          g.callF64(pow, g.dval(PrimitiveType.C_DOUBLE, 2), g.dval(PrimitiveType.C_DOUBLE, 10)));
    }
  }

  @Test
  void libcFromTheProcess() {
    try (Guest g = new Guest(POLICY)) {
      Resource<Dll.Library> self = g.openSelf();
      Resource<Dll.Function> strlen = g.fn(self, "strlen", "(pointer) -> c-ulong");
      assertEquals(11, g.callU64(strlen, g.addr(g.string("hello world"))));
      Resource<Dll.Function> getpid = g.fn(self, "getpid", "() -> c-int");
      assertEquals(ProcessHandle.current().pid(), g.callS64(getpid));
      assertEquals("so", g.dll.extension());
      assertEquals("lib", g.dll.prefix());
      assertEquals(".so", g.dll.suffix());
    }
  }

  @Test
  void zlibCrc32AndCompressRoundTrip() {
    String text = "hello hello hello hello hello wasi:dl on the JVM";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (Guest g = new Guest(POLICY)) {
      Resource<Dll.Library> z = g.open("libz.so.1");
      Resource<Dll.Function> crc32 = g.fn(z, "crc32", "(c-ulong, pointer, c-uint) -> c-ulong");
      CRC32 expected = new CRC32();
      expected.update(bytes);
      assertEquals(
          expected.getValue(),
          g.callU64(
              crc32,
              g.val(PrimitiveType.C_ULONG, 0),
              g.addr(g.string(text)),
              g.val(PrimitiveType.C_UINT, bytes.length)));

      // compress(dest, &destLen, src, srcLen) into a 256-byte struct alloc used as a buffer
      Resource<Ffi.Alloc> dest = g.alloc(buffer(32));
      Resource<Ffi.Alloc> destLen = g.alloc("c-ulong");
      Resource<Ffi.OutgoingPrimitive> cap = g.ffi.newOutgoingPrimitive(Ffi.PrimitiveType.C_ULONG);
      ok(g.ffi.outgoingPrimitiveSetU32(cap, 256));
      ok(g.ffi.allocWritePrimitive(destLen, cap));
      Resource<Dll.Function> compress =
          g.fn(z, "compress", "(pointer, pointer, pointer, c-ulong) -> c-int");
      assertEquals(
          0,
          g.callS64(
              compress,
              g.addr(dest),
              g.addr(destLen),
              g.addr(g.string(text)),
              g.val(PrimitiveType.C_ULONG, bytes.length)));
      long compressedLen = ok(g.ffi.incomingPrimitiveGetU64(ok(g.ffi.allocReadPrimitive(destLen))));

      // uncompress into a zeroed buffer, then read it as a C string
      Resource<Ffi.Alloc> back = g.alloc(buffer(16));
      Resource<Ffi.Alloc> backLen = g.alloc("c-ulong");
      Resource<Ffi.OutgoingPrimitive> cap2 = g.ffi.newOutgoingPrimitive(Ffi.PrimitiveType.C_ULONG);
      ok(g.ffi.outgoingPrimitiveSetU32(cap2, 127));
      ok(g.ffi.allocWritePrimitive(backLen, cap2));
      Resource<Dll.Function> uncompress =
          g.fn(z, "uncompress", "(pointer, pointer, pointer, c-ulong) -> c-int");
      assertEquals(
          0,
          g.callS64(
              uncompress,
              g.addr(back),
              g.addr(backLen),
              g.addr(dest),
              g.val(PrimitiveType.C_ULONG, compressedLen)));
      assertEquals(
          bytes.length, ok(g.ffi.incomingPrimitiveGetU64(ok(g.ffi.allocReadPrimitive(backLen)))));
      // the buffer's first bytes are the text; read them through a pointer to the buffer
      Resource<Ffi.Alloc> p = g.alloc("pointer");
      Resource<Ffi.OutgoingPrimitive> addr = g.ffi.newOutgoingPrimitive(Ffi.PrimitiveType.POINTER);
      Resource<Dll.Function> echo = g.fn(g.openSelf(), "strdup", "(pointer) -> pointer");
      Resource<Ffi.IncomingPrimitive> dup = g.callPrim(echo, g.addr(back));
      assertEquals(text, ok(g.ffi.allocReadString(ok(g.ffi.incomingPrimitiveGetAlloc(dup)))));
      g.call(
          g.fn(g.openSelf(), "free", "(pointer)"),
          g.val(PrimitiveType.POINTER, ok(g.ffi.incomingPrimitiveGetU64(dup))));
      g.ffi.dropAlloc(p);
      g.ffi.dropOutgoingPrimitive(addr);
    }
  }

  /** A struct of {@code n} uint64-t: an aligned, zeroed buffer of 8n bytes. */
  private static String buffer(int n) {
    return "struct{" + String.join(", ", java.util.Collections.nCopies(n, "uint64-t")) + "}";
  }
}
