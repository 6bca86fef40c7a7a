package dev.wasidl.ffm;

import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.ffm.PrimitiveType.C_ULONG;
import static dev.wasidl.ffm.PrimitiveType.POINTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The per-thread scratch stack behind structs by value and errno capture: every frame is released
 * when its call returns or throws, also when callbacks re-enter C, and a frame too large for the
 * chunk gets memory of its own (on libc: {@code div} returns a struct, {@code qsort} calls back).
 */
class ScratchTest {
  private static final StructType DIV_T = StructType.of(C_INT, C_INT);

  @Test
  void framesAreReleasedAfterReentrantAndFailingCallbacks() {
    Scratch scratch = Scratch.current();
    long before = scratch.mark();
    try (Library libc = Library.openProcess();
        Arena arena = Arena.ofConfined()) {
      Function div = libc.get("div").function(Signature.of(DIV_T, C_INT, C_INT));
      // errno capture puts qsort itself on the framed path: its capture state is in the frame
      Function qsort =
          libc.get("qsort")
              .function(
                  Signature.ofVoid(POINTER, C_ULONG, C_ULONG, POINTER), CallOption.CAPTURE_ERRNO);
      long[] inside = {-1};
      Callback compare =
          Callback.of(
              Signature.of(C_INT, POINTER, POINTER),
              args -> {
                int a = read(args.get(0));
                int b = read(args.get(1));
                inside[0] = Math.max(inside[0], scratch.mark());
                IncomingStruct q =
                    (IncomingStruct)
                        div.call(
                                OutgoingPrimitive.ofSigned(C_INT, a * 7L + 3),
                                OutgoingPrimitive.ofSigned(C_INT, 7))
                            .orElseThrow();
                int n = a * 7 + 3; // C's division truncates, as Java's does
                if (q.primitive(0).getS32() != n / 7 || q.primitive(1).getS32() != n % 7) {
                  throw new AssertionError("div in a callback: " + q);
                }
                return Optional.of(OutgoingPrimitive.ofSigned(C_INT, Integer.compare(a, b)));
              },
              arena);
      MemorySegment array = arena.allocateFrom(ValueLayout.JAVA_INT, 5, -3, 9, 0, 2);
      List<OutgoingValue> args =
          List.of(
              OutgoingPrimitive.ofAddress(array),
              OutgoingPrimitive.ofUnsigned(C_ULONG, 5),
              OutgoingPrimitive.ofUnsigned(C_ULONG, 4),
              compare.pointer());
      qsort.callCapturingErrno(args);
      assertEquals(
          List.of(-3, 0, 2, 5, 9),
          java.util.Arrays.stream(array.toArray(ValueLayout.JAVA_INT)).boxed().toList());
      assertTrue(inside[0] > before, "qsort's frame was held while its callback ran");
      assertEquals(before, scratch.mark());

      Callback failing =
          Callback.of(
              Signature.of(C_INT, POINTER, POINTER),
              a -> {
                div.call(
                    OutgoingPrimitive.ofSigned(C_INT, 1), OutgoingPrimitive.ofSigned(C_INT, 1));
                throw new IllegalStateException("no order");
              },
              arena);
      List<OutgoingValue> failingArgs =
          List.of(args.get(0), args.get(1), args.get(2), failing.pointer());
      assertThrows(CallbackException.class, () -> qsort.callCapturingErrno(failingArgs));
      assertEquals(before, scratch.mark());
      // a bad argument is refused before any frame is taken
      assertThrows(
          TypeMismatchException.class,
          () -> div.call(OutgoingPrimitive.ofSigned(C_INT, 1), OutgoingStruct.of(args.get(1))));
      assertEquals(before, scratch.mark());
    }
  }

  @SuppressWarnings("restricted") // reads the ints qsort hands the comparator
  private static int read(IncomingValue pointer) {
    return MemorySegment.ofAddress(((IncomingPrimitive) pointer).bits())
        .reinterpret(4)
        .get(ValueLayout.JAVA_INT, 0);
  }

  @Test
  void aFrameLargerThanTheChunkGetsMemoryOfItsOwn() {
    Scratch scratch = Scratch.current();
    long mark = scratch.mark();
    MemorySegment small = scratch.allocate(16, 8);
    MemorySegment big = scratch.allocate(Scratch.CHUNK_SIZE, 8);
    assertEquals(Scratch.CHUNK_SIZE, big.byteSize());
    assertFalse(
        big.address() >= small.address() && big.address() < small.address() + Scratch.CHUNK_SIZE,
        "the large frame is not in the chunk");
    assertEquals(mark + 16, scratch.mark(), "the fallback leaves the stack as it was");
    MemorySegment aligned = scratch.allocate(3, 16);
    assertEquals(0, aligned.address() % 16);
    assertEquals(0, aligned.get(ValueLayout.JAVA_BYTE, 2), "frames are zeroed");
    scratch.reset(mark);
    assertEquals(small.address(), scratch.allocate(16, 8).address(), "reset reuses the bytes");
    scratch.reset(mark);
  }

  @Test
  void aReusedStartGetsARegionOfTheNewSize() {
    Scratch scratch = Scratch.current();
    long mark = scratch.mark();
    MemorySegment wide = scratch.allocate(16, 8);
    wide.fill((byte) 7);
    scratch.reset(mark);
    MemorySegment narrow = scratch.allocate(4, 4);
    assertEquals(wide.address(), narrow.address(), "the same start");
    assertEquals(4, narrow.byteSize());
    assertEquals(0, narrow.get(ValueLayout.JAVA_INT, 0), "frames are zeroed");
    MemorySegment next = scratch.allocate(1, 1);
    assertEquals(narrow.address() + 8, next.address(), "regions start 8-aligned");
    scratch.reset(mark);
    MemorySegment again = scratch.allocate(16, 8);
    assertEquals(16, again.byteSize());
    assertEquals(0, again.get(ValueLayout.JAVA_LONG, 8), "frames are zeroed");
    scratch.reset(mark);
  }

  @Test
  void threadsHaveStacksOfTheirOwn() throws Exception {
    Scratch[] other = new Scratch[1];
    Thread t = Thread.ofPlatform().start(() -> other[0] = Scratch.current());
    t.join();
    assertTrue(other[0] != Scratch.current());
  }
}
