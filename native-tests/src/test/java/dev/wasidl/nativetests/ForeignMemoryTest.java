package dev.wasidl.nativetests;

import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.ffm.PrimitiveType.C_LONG;
import static dev.wasidl.ffm.PrimitiveType.POINTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.ffm.Alloc;
import dev.wasidl.ffm.FfiException;
import dev.wasidl.ffm.FfiType;
import dev.wasidl.ffm.OutgoingPrimitive;
import dev.wasidl.ffm.OutgoingStruct;
import dev.wasidl.ffm.StructType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Hostile foreign pointers: every read or write through a region we do not own is refused with a
 * message when the memory is not mapped, has no access, is read-only or is code; the JVM goes on.
 */
class ForeignMemoryTest {
  private static final StructType FOUR_INTS = StructType.of(C_INT, C_INT, C_INT, C_INT);

  /** A foreign region as a guest reaches it: pointer bits written, read back, get-alloc. */
  private static Alloc reach(long address, FfiType type) {
    try (Alloc holder = Alloc.allocate(POINTER)) {
      holder.writePrimitive(OutgoingPrimitive.ofUnsigned(POINTER, address));
      return holder.readPrimitive().getAlloc(type);
    }
  }

  private static String refused(Executable access, String... parts) {
    FfiException e = assertThrows(FfiException.class, access);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), e.getMessage());
    }
    return e.getMessage();
  }

  @Test
  void unmappedMemoryIsNeitherReadNorWritten() {
    long address = Pages.unmappedAddress();
    String hex = "0x" + Long.toHexString(address);
    Alloc a = reach(address, C_LONG);
    assertEquals(
        "read-primitive: 8 bytes at " + hex + " are not readable (not mapped)",
        refused(a::readPrimitive));
    assertEquals(
        "write-primitive: 8 bytes at " + hex + " are not writable (not mapped)",
        refused(() -> a.writePrimitive(OutgoingPrimitive.ofSigned(C_LONG, 1))));
    refused(reach(address, POINTER)::readString, "read-string: 1 byte at " + hex, "not readable");
    refused(() -> reach(address, POINTER).writeString("x"), "not writable (not mapped)");
    refused(reach(address, FOUR_INTS)::readStruct, "read-struct: 16 bytes", "not readable");
    stillRunning();
  }

  @Test
  void noAccessPagesAreRefused() {
    long address = Pages.noAccessPage();
    Alloc a = reach(address, C_LONG);
    refused(a::readPrimitive, "not readable (no access, PROT_NONE)");
    refused(
        () -> a.writePrimitive(OutgoingPrimitive.ofSigned(C_LONG, 1)),
        "not writable (no access, PROT_NONE)");
    refused(reach(address, POINTER)::readString, "not readable");
    stillRunning();
  }

  @Test
  void readOnlyPagesAreReadNotWritten() {
    long address = Pages.readOnlyPage((byte) 'A');
    Alloc a = reach(address, C_INT);
    assertEquals(0x41414141, a.readPrimitive().getS32());
    assertEquals(
        "write-primitive: 4 bytes at 0x"
            + Long.toHexString(address)
            + " are not writable (read-only)",
        refused(() -> a.writePrimitive(OutgoingPrimitive.ofSigned(C_INT, 0))));
    refused(() -> reach(address, POINTER).writeString("x"), "not writable (read-only)");
    refused(
        () ->
            reach(address, FOUR_INTS)
                .writeStruct(
                    OutgoingStruct.of(
                        OutgoingPrimitive.ofSigned(C_INT, 0),
                        OutgoingPrimitive.ofSigned(C_INT, 0),
                        OutgoingPrimitive.ofSigned(C_INT, 0),
                        OutgoingPrimitive.ofSigned(C_INT, 0))),
        "write-struct",
        "not writable (read-only)");
    assertEquals(0x41414141, a.readPrimitive().getS32());
    stillRunning();
  }

  @Test
  void codeIsReadNotWritten() {
    long address = Pages.codeAddress();
    Alloc a = reach(address, C_LONG);
    long code = a.readPrimitive().getS64();
    refused(
        () -> a.writePrimitive(OutgoingPrimitive.ofSigned(C_LONG, 0)),
        "not writable (read-only code)");
    assertEquals(code, a.readPrimitive().getS64());
    stillRunning();
  }

  @Test
  void stringsStopAtTheEndOfReadableMemory() {
    long address = Pages.pageBeforeGuard((byte) 'A');
    String guard = "0x" + Long.toHexString(address + Pages.PAGE);
    refused(
        reach(address, POINTER)::readString,
        "read-string: no NUL before the end of readable memory at " + guard,
        "4096 bytes scanned");
    // a string ending right before the guard is read whole
    MemorySegment page = Pages.page(address);
    page.set(ValueLayout.JAVA_BYTE, Pages.PAGE - 1, (byte) 0);
    assertEquals("AAA", reach(address + Pages.PAGE - 4, POINTER).readString());
    stillRunning();
  }

  @Test
  void structsReachingIntoAGuardPageAreNotHalfWritten() {
    long address = Pages.pageBeforeGuard((byte) 'A');
    long lastEight = address + Pages.PAGE - 8;
    Alloc s = reach(lastEight, FOUR_INTS);
    refused(
        s::readStruct,
        "read-struct: 16 bytes at 0x" + Long.toHexString(lastEight),
        "not readable (from 0x" + Long.toHexString(address + Pages.PAGE),
        "no access, PROT_NONE");
    OutgoingPrimitive zero = OutgoingPrimitive.ofSigned(C_INT, 0);
    refused(() -> s.writeStruct(OutgoingStruct.of(zero, zero, zero, zero)), "not writable");
    assertEquals(0x41414141, reach(lastEight, C_INT).readPrimitive().getS32());
    stillRunning();
  }

  @Test
  void goodForeignMemoryStillWorks() {
    MemorySegment m = Pages.map(2);
    long at = m.address() + Pages.PAGE - 6; // a struct across a page boundary
    Alloc s = reach(at, FOUR_INTS);
    s.writeStruct(
        OutgoingStruct.of(
            OutgoingPrimitive.ofSigned(C_INT, 1),
            OutgoingPrimitive.ofSigned(C_INT, 2),
            OutgoingPrimitive.ofSigned(C_INT, 3),
            OutgoingPrimitive.ofSigned(C_INT, 4)));
    assertEquals(4, s.readStruct().primitive(3).getS32());
    assertEquals(3, m.get(ValueLayout.JAVA_INT_UNALIGNED, Pages.PAGE - 6 + 8));
    Alloc p = reach(m.address(), POINTER);
    p.writeString("hi");
    assertEquals("hi", p.readString());
  }

  private static void stillRunning() {
    try (Alloc a = Alloc.allocate(C_INT)) {
      a.writePrimitive(OutgoingPrimitive.ofSigned(C_INT, 42));
      assertEquals(42, a.readPrimitive().getS32());
    }
  }
}
