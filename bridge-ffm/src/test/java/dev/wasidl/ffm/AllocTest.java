package dev.wasidl.ffm;

import static dev.wasidl.ffm.PrimitiveType.C_DOUBLE;
import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.ffm.PrimitiveType.C_SCHAR;
import static dev.wasidl.ffm.PrimitiveType.C_USHORT;
import static dev.wasidl.ffm.PrimitiveType.POINTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** Typed regions: zeroed, aligned, type-checked, bounds-checked, and safe after close. */
class AllocTest {
  private static final StructType CI = StructType.of(C_SCHAR, C_INT);
  private static final StructType NESTED = StructType.of(CI, C_DOUBLE, C_SCHAR);

  @Test
  void ownedAllocsAreZeroedAndAligned() {
    try (Alloc a = Alloc.allocate(NESTED)) {
      assertEquals(24, a.byteSize());
      assertEquals(0, a.address() % 8);
      assertEquals(0, a.readStruct().struct(0).primitive(1).getS32());
      assertEquals(0.0, a.readStruct().primitive(1).getF64());
    }
  }

  @Test
  void primitivesAndStructsRoundTrip() {
    try (Alloc a = Alloc.allocate(C_USHORT);
        Alloc s = Alloc.allocate(NESTED)) {
      a.writePrimitive(OutgoingPrimitive.ofUnsigned(C_USHORT, 65535));
      assertEquals(65535, a.readPrimitive().getU16());
      assertEquals(65535, a.segment().get(ValueLayout.JAVA_CHAR, 0));

      s.writeStruct(
          OutgoingStruct.of(
              OutgoingStruct.of(
                  OutgoingPrimitive.ofSigned(C_SCHAR, -5),
                  OutgoingPrimitive.ofSigned(C_INT, 1 << 30)),
              OutgoingPrimitive.ofDouble(C_DOUBLE, 2.25),
              OutgoingPrimitive.ofSigned(C_SCHAR, 'z')));
      IncomingStruct back = s.readStruct();
      assertEquals(-5, back.struct(0).primitive(0).getS8());
      assertEquals(1 << 30, back.struct(0).primitive(1).getS32());
      assertEquals(2.25, back.primitive(1).getF64());
      assertEquals('z', back.primitive(2).getS8());
      // C layout: CI at 0 (char at 0, int at 4), double at 8, char at 16
      assertEquals(1 << 30, s.segment().get(ValueLayout.JAVA_INT, 4));
      assertEquals(2.25, s.segment().get(ValueLayout.JAVA_DOUBLE, 8));
      assertEquals('z', s.segment().get(ValueLayout.JAVA_BYTE, 16));
    }
  }

  @Test
  void valuesMustMatchTheRegionsType() {
    try (Alloc a = Alloc.allocate(C_INT);
        Alloc s = Alloc.allocate(CI)) {
      TypeMismatchException e =
          assertThrows(
              TypeMismatchException.class,
              () -> a.writePrimitive(OutgoingPrimitive.ofSigned(PrimitiveType.C_LONG, 1)));
      assertTrue(e.getMessage().contains("expected c-int, got c-long"), e.getMessage());
      assertThrows(TypeMismatchException.class, a::readStruct);
      assertThrows(TypeMismatchException.class, s::readPrimitive);
      assertThrows(TypeMismatchException.class, () -> a.writeString("x"));
      // a struct value shaped unlike the type
      e =
          assertThrows(
              TypeMismatchException.class,
              () -> s.writeStruct(OutgoingStruct.of(OutgoingPrimitive.ofSigned(C_SCHAR, 1))));
      assertTrue(e.getMessage().contains("2 fields, got 1"), e.getMessage());
      e =
          assertThrows(
              TypeMismatchException.class,
              () ->
                  s.writeStruct(
                      OutgoingStruct.of(
                          OutgoingPrimitive.ofSigned(C_INT, 1),
                          OutgoingPrimitive.ofSigned(C_INT, 2))));
      assertTrue(e.getMessage().contains("field 0: expected c-schar, got c-int"), e.getMessage());
    }
  }

  @Test
  void stringsGrowOwnedRegionsAndRoundTrip() {
    try (Alloc a = Alloc.allocate(POINTER)) {
      long before = a.address();
      a.writeString("hi");
      assertEquals("hi", a.readString());
      assertEquals(before, a.address()); // 3 bytes fit in the 8-byte region
      String long1 = "héllo wörld, ünïcode ✓ ".repeat(10);
      a.writeString(long1);
      assertNotEquals(before, a.address()); // grown: a new buffer
      assertEquals(long1, a.readString());
      a.writeString("");
      assertEquals("", a.readString());
    }
  }

  @Test
  void badStringsAreErrors() {
    try (Alloc a = Alloc.allocate(POINTER)) {
      assertThrows(InvalidStringException.class, () -> a.writeString("a\0b"));
      assertThrows(InvalidStringException.class, () -> a.writeString("\ud800"));
      // 8 bytes, no NUL: no terminator within the owned extent
      a.segment().fill((byte) 'x');
      InvalidStringException e = assertThrows(InvalidStringException.class, a::readString);
      assertTrue(e.getMessage().contains("no NUL within 8 bytes"), e.getMessage());
      a.segment().set(ValueLayout.JAVA_BYTE, 0, (byte) 0xff);
      a.segment().set(ValueLayout.JAVA_BYTE, 1, (byte) 0);
      e = assertThrows(InvalidStringException.class, a::readString);
      assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }
  }

  @Test
  void foreignRegionsAreSizedByTheirType() {
    try (Arena arena = Arena.ofConfined()) {
      var buffer = arena.allocate(64);
      Alloc view = Alloc.at(buffer, POINTER);
      assertFalse(view.isOwned());
      assertEquals(8, view.byteSize());
      view.writeString("1234567"); // 7 + NUL fits the pointer-sized extent
      assertEquals("1234567", view.readString());
      OutOfBoundsException e =
          assertThrows(OutOfBoundsException.class, () -> view.writeString("12345678"));
      assertTrue(e.getMessage().contains("9 bytes"), e.getMessage());
      // reading scans past the typed extent, up to the documented maximum
      buffer.setString(0, "a string longer than eight bytes");
      assertEquals("a string longer than eight bytes", view.readString());
      assertThrows(InvalidStringException.class, () -> view.readString(4));
      view.close(); // frees nothing
      assertEquals('a', buffer.get(ValueLayout.JAVA_BYTE, 0));
    }
  }

  @Test
  void nullRegionsAreRefusedNotDereferenced() {
    Alloc nowhere = IncomingPrimitive.ofBits(POINTER, 0).getAlloc();
    OutOfBoundsException e = assertThrows(OutOfBoundsException.class, nowhere::readString);
    assertTrue(e.getMessage().contains("null pointer"), e.getMessage());
    assertThrows(OutOfBoundsException.class, nowhere::readPrimitive);
    assertThrows(
        OutOfBoundsException.class,
        () -> IncomingPrimitive.ofBits(POINTER, 8).getAlloc(C_INT).readPrimitive());
  }

  @Test
  void useAfterCloseIsAnError() {
    Alloc a = Alloc.allocate(C_INT);
    a.writePrimitive(OutgoingPrimitive.ofSigned(C_INT, 7));
    a.close();
    a.close(); // idempotent
    assertFalse(a.isOpen());
    assertThrows(ClosedException.class, a::readPrimitive);
    assertThrows(
        ClosedException.class, () -> a.writePrimitive(OutgoingPrimitive.ofSigned(C_INT, 1)));
    assertThrows(ClosedException.class, a::address);
    // a pointer value built from it fails when used, not with a dangling address
    OutgoingPrimitive p = OutgoingPrimitive.ofAddress(a);
    assertThrows(ClosedException.class, p::bits);
  }
}
