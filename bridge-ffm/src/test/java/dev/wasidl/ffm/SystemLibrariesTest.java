package dev.wasidl.ffm;

import static dev.wasidl.ffm.PrimitiveType.C_DOUBLE;
import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.ffm.PrimitiveType.C_ULONG;
import static dev.wasidl.ffm.PrimitiveType.POINTER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** wasi:dl semantics against real system libraries: libc, libm and zlib. */
class SystemLibrariesTest {

  private static OutgoingPrimitive cString(Alloc a, String s) {
    a.writeString(s);
    return OutgoingPrimitive.ofAddress(a);
  }

  @Test
  void strlenThroughTheProcess() {
    try (Library libc = Library.openProcess();
        Alloc text = Alloc.allocate(POINTER)) {
      Function strlen = libc.get("strlen").function(Signature.of(C_ULONG, POINTER));
      IncomingPrimitive n =
          (IncomingPrimitive) strlen.call(cString(text, "hello, wasi:dl")).orElseThrow();
      assertEquals(14, n.getU64());
      assertEquals(14, n.getS32());
      // the fast path gives the same bits
      assertEquals(14, strlen.invokeRaw(new long[] {text.address()}));
    }
  }

  @Test
  void getpidMatchesTheJvm() {
    try (Library libc = Library.openProcess()) {
      Function getpid = libc.get("getpid").getFunction(List.of(), Optional.of(C_INT));
      IncomingPrimitive pid = (IncomingPrimitive) getpid.call().orElseThrow();
      assertEquals(ProcessHandle.current().pid(), pid.getS64());
    }
  }

  @Test
  void snprintfIsVariadic() {
    try (Library libc = Library.openProcess();
        Alloc buffer = Alloc.allocate(StructType.of(repeat(PrimitiveType.C_SCHAR, 64)));
        Alloc format = Alloc.allocate(POINTER);
        Alloc word = Alloc.allocate(POINTER)) {
      Signature sig =
          Signature.of(C_INT, POINTER, C_ULONG, POINTER, C_INT, C_DOUBLE, POINTER)
              .withFirstVariadic(3);
      Function snprintf = libc.get("snprintf").function(sig);
      IncomingPrimitive written =
          (IncomingPrimitive)
              snprintf
                  .call(
                      OutgoingPrimitive.ofAddress(buffer),
                      OutgoingPrimitive.ofUnsigned(C_ULONG, 64),
                      cString(format, "%d|%.3f|%s"),
                      OutgoingPrimitive.ofSigned(C_INT, -42),
                      OutgoingPrimitive.ofDouble(C_DOUBLE, 2.5),
                      cString(word, "ok"))
                  .orElseThrow();
      assertEquals("-42|2.500|ok".length(), written.getS32());
      assertEquals("-42|2.500|ok", Alloc.at(buffer.segment(), POINTER).readString());
    }
  }

  @Test
  void qsortWithAJavaComparator() {
    try (Library libc = Library.openProcess();
        Arena arena = Arena.ofConfined()) {
      int[] values = {5, -3, 99, 0, 7, -100, 42};
      var array = arena.allocateFrom(java.lang.foreign.ValueLayout.JAVA_INT, values);
      Callback compare =
          Callback.of(
              Signature.of(C_INT, POINTER, POINTER),
              args -> {
                int a = readInt(args.get(0));
                int b = readInt(args.get(1));
                return Optional.of(OutgoingPrimitive.ofSigned(C_INT, Integer.compare(a, b)));
              },
              arena);
      Function qsort =
          libc.get("qsort").function(Signature.ofVoid(POINTER, C_ULONG, C_ULONG, POINTER));
      Optional<IncomingValue> none =
          qsort.call(
              OutgoingPrimitive.ofAddress(array),
              OutgoingPrimitive.ofUnsigned(C_ULONG, values.length),
              OutgoingPrimitive.ofUnsigned(C_ULONG, 4),
              compare.pointer());
      assertTrue(none.isEmpty());
      assertArrayEquals(
          new int[] {-100, -3, 0, 5, 7, 42, 99},
          array.toArray(java.lang.foreign.ValueLayout.JAVA_INT));
    }
  }

  @Test
  void aThrowingCallbackSurfacesAfterTheCall() {
    try (Library libc = Library.openProcess();
        Arena arena = Arena.ofConfined()) {
      var array = arena.allocateFrom(java.lang.foreign.ValueLayout.JAVA_INT, 3, 2, 1);
      Callback compare =
          Callback.of(
              Signature.of(C_INT, POINTER, POINTER),
              args -> {
                throw new IllegalStateException("boom");
              },
              arena);
      Function qsort =
          libc.get("qsort").function(Signature.ofVoid(POINTER, C_ULONG, C_ULONG, POINTER));
      CallbackException e =
          assertThrows(
              CallbackException.class,
              () ->
                  qsort.call(
                      OutgoingPrimitive.ofAddress(array),
                      OutgoingPrimitive.ofUnsigned(C_ULONG, 3),
                      OutgoingPrimitive.ofUnsigned(C_ULONG, 4),
                      compare.pointer()));
      assertEquals("boom", e.getCause().getMessage());
    }
  }

  private static int readInt(IncomingValue pointer) {
    return ((IncomingPrimitive) pointer).getAlloc(C_INT).readPrimitive().getS32();
  }

  @Test
  void libmCosPowAndFrexp() {
    try (Library libm = Library.open("libm.so.6", OpenFlags.NOW);
        Alloc exponent = Alloc.allocate(C_INT)) {
      Function cos = libm.get("cos").function(Signature.of(C_DOUBLE, C_DOUBLE));
      Function pow = libm.get("pow").function(Signature.of(C_DOUBLE, C_DOUBLE, C_DOUBLE));
      Function frexp = libm.get("frexp").function(Signature.of(C_DOUBLE, C_DOUBLE, POINTER));
      assertEquals(Math.cos(1.0), f64(cos.call(OutgoingPrimitive.ofDouble(C_DOUBLE, 1.0))));
      assertEquals(
          1024.0,
          f64(
              pow.call(
                  OutgoingPrimitive.ofDouble(C_DOUBLE, 2),
                  OutgoingPrimitive.ofDouble(C_DOUBLE, 10))));
      double mantissa =
          f64(
              frexp.call(
                  OutgoingPrimitive.ofDouble(C_DOUBLE, 48.0),
                  OutgoingPrimitive.ofAddress(exponent)));
      assertEquals(0.75, mantissa);
      assertEquals(6, exponent.readPrimitive().getS32());
    }
  }

  @Test
  void zlibCrc32AndCompressRoundTrip() {
    byte[] data = "wasi:dl on java.lang.foreign ".repeat(40).getBytes(StandardCharsets.UTF_8);
    try (Library z = Library.open("libz.so.1", OpenFlags.NOW);
        Arena arena = Arena.ofConfined();
        Alloc destLen = Alloc.allocate(C_ULONG);
        Alloc backLen = Alloc.allocate(C_ULONG)) {
      var input = arena.allocateFrom(java.lang.foreign.ValueLayout.JAVA_BYTE, data);
      Function crc32 =
          z.get("crc32").function(Signature.of(C_ULONG, C_ULONG, POINTER, PrimitiveType.C_UINT));
      long crc =
          ((IncomingPrimitive)
                  crc32
                      .call(
                          OutgoingPrimitive.ofUnsigned(C_ULONG, 0),
                          OutgoingPrimitive.ofAddress(input),
                          OutgoingPrimitive.ofUnsigned(PrimitiveType.C_UINT, data.length))
                      .orElseThrow())
              .getU64();
      CRC32 expected = new CRC32();
      expected.update(data);
      assertEquals(expected.getValue(), crc);

      Function compress =
          z.get("compress").function(Signature.of(C_INT, POINTER, POINTER, POINTER, C_ULONG));
      Function uncompress =
          z.get("uncompress").function(Signature.of(C_INT, POINTER, POINTER, POINTER, C_ULONG));
      var packed = arena.allocate(data.length + 64);
      destLen.writePrimitive(OutgoingPrimitive.ofUnsigned(C_ULONG, packed.byteSize()));
      int rc =
          ((IncomingPrimitive)
                  compress
                      .call(
                          OutgoingPrimitive.ofAddress(packed),
                          OutgoingPrimitive.ofAddress(destLen),
                          OutgoingPrimitive.ofAddress(input),
                          OutgoingPrimitive.ofUnsigned(C_ULONG, data.length))
                      .orElseThrow())
              .getS32();
      assertEquals(0, rc); // Z_OK
      long packedLen = destLen.readPrimitive().getU64();
      assertTrue(packedLen < data.length / 4, "compressed to " + packedLen);

      var unpacked = arena.allocate(data.length);
      backLen.writePrimitive(OutgoingPrimitive.ofUnsigned(C_ULONG, unpacked.byteSize()));
      rc =
          ((IncomingPrimitive)
                  uncompress
                      .call(
                          OutgoingPrimitive.ofAddress(unpacked),
                          OutgoingPrimitive.ofAddress(backLen),
                          OutgoingPrimitive.ofAddress(packed),
                          OutgoingPrimitive.ofUnsigned(C_ULONG, packedLen))
                      .orElseThrow())
              .getS32();
      assertEquals(0, rc);
      assertEquals(data.length, backLen.readPrimitive().getU64());
      assertArrayEquals(data, unpacked.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
    }
  }

  private static double f64(Optional<IncomingValue> v) {
    return ((IncomingPrimitive) v.orElseThrow()).getF64();
  }

  private static FfiType[] repeat(FfiType t, int n) {
    FfiType[] a = new FfiType[n];
    java.util.Arrays.fill(a, t);
    return a;
  }
}
