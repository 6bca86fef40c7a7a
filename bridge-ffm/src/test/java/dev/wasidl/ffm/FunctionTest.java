package dev.wasidl.ffm;

import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.ffm.PrimitiveType.C_LONG;
import static dev.wasidl.ffm.PrimitiveType.C_ULONG;
import static dev.wasidl.ffm.PrimitiveType.POINTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Argument checks, errno, the signature cache and concurrent calls (on libc). */
class FunctionTest {

  @Test
  void arityAndArgumentTypesAreCheckedBeforeTheCall() {
    try (Library libc = Library.openProcess()) {
      Function abs = libc.get("abs").function(Signature.of(C_INT, C_INT));
      TypeMismatchException e = assertThrows(TypeMismatchException.class, () -> abs.call());
      assertTrue(
          e.getMessage().contains("expected 1 arguments (c-int) -> c-int, got 0"), e.getMessage());
      e =
          assertThrows(
              TypeMismatchException.class, () -> abs.call(OutgoingPrimitive.ofSigned(C_LONG, 1)));
      assertTrue(e.getMessage().contains("argument 0: expected c-int, got c-long"), e.getMessage());
      e =
          assertThrows(
              TypeMismatchException.class,
              () -> abs.call(OutgoingStruct.of(OutgoingPrimitive.ofSigned(C_INT, 1))));
      assertTrue(e.getMessage().contains("got a struct of 1 fields"), e.getMessage());
      assertThrows(TypeMismatchException.class, () -> abs.invokeRaw(new long[2]));
      assertEquals(5, abs.invokeRaw(new long[] {-5}));
    }
  }

  @Test
  void errnoIsCapturedRightAfterTheCall() {
    try (Library libc = Library.openProcess();
        Alloc path = Alloc.allocate(POINTER)) {
      path.writeString("/definitely/not/here");
      Function close =
          libc.get("chdir").function(Signature.of(C_INT, POINTER), CallOption.CAPTURE_ERRNO);
      CallResult r = close.callCapturingErrno(List.of(OutgoingPrimitive.ofAddress(path)));
      assertEquals(-1, ((IncomingPrimitive) r.value().orElseThrow()).getS32());
      assertEquals(2, r.errno()); // ENOENT
      assertThrows(TypeMismatchException.class, () -> close.invokeRaw(new long[1]));
    }
  }

  @Test
  void equalSignaturesShareOneDowncallHandle() {
    try (Library libc = Library.openProcess()) {
      Function abs = libc.get("abs").function(Signature.parse("(c-int) -> c-int"));
      Function neg = libc.get("toupper").function(Signature.of(C_INT, C_INT));
      assertSame(abs.downcallHandle(), neg.downcallHandle());
      Function structy =
          Function.at(abs.getAlloc().segment(), Signature.of(C_INT, StructType.of(C_INT, C_INT)));
      Function structy2 =
          Function.at(abs.getAlloc().segment(), Signature.of(C_INT, StructType.of(C_INT, C_LONG)));
      assertNotSame(structy.downcallHandle(), structy2.downcallHandle());
      assertSame(
          structy.downcallHandle(),
          Function.at(abs.getAlloc().segment(), Signature.of(C_INT, StructType.of(C_INT, C_INT)))
              .downcallHandle());
      int before = Invoker.cacheSize();
      libc.get("labs").function(Signature.of(C_INT, C_INT));
      assertEquals(before, Invoker.cacheSize());
    }
  }

  @Test
  void manyThreadsShareHandlesAndAllocs() throws Exception {
    try (Library libc = Library.openProcess();
        Alloc text = Alloc.allocate(POINTER)) {
      text.writeString("shared between threads");
      Function strlen = libc.get("strlen").function(Signature.of(C_ULONG, POINTER));
      Function abs = libc.get("abs").function(Signature.of(C_INT, C_INT));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
          int seed = t;
          results.add(
              pool.submit(
                  () -> {
                    long sum = 0;
                    for (int i = 0; i < 20_000; i++) {
                      sum += strlen.invokeRaw(new long[] {text.address()});
                      sum +=
                          ((IncomingPrimitive)
                                  abs.call(OutgoingPrimitive.ofSigned(C_INT, -(i + seed)))
                                      .orElseThrow())
                              .getS32();
                    }
                    return sum;
                  }));
        }
        for (int t = 0; t < 16; t++) {
          long expected = 20_000L * 22 + 20_000L * (20_000 - 1) / 2 + 20_000L * t;
          assertEquals(expected, results.get(t).get());
        }
      } finally {
        pool.shutdown();
      }
    }
  }
}
