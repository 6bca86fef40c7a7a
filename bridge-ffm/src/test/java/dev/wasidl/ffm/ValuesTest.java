package dev.wasidl.ffm;

import static dev.wasidl.ffm.PrimitiveType.C_DOUBLE;
import static dev.wasidl.ffm.PrimitiveType.C_FLOAT;
import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.ffm.PrimitiveType.C_LONG;
import static dev.wasidl.ffm.PrimitiveType.C_SCHAR;
import static dev.wasidl.ffm.PrimitiveType.C_UCHAR;
import static dev.wasidl.ffm.PrimitiveType.C_USHORT;
import static dev.wasidl.ffm.PrimitiveType.INT8_T;
import static dev.wasidl.ffm.PrimitiveType.POINTER;
import static dev.wasidl.ffm.PrimitiveType.UINT32_T;
import static dev.wasidl.ffm.PrimitiveType.UINT64_T;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The WIT setters and getters: ranges, signedness and float exactness, as the semantics say. */
class ValuesTest {

  @Test
  void integerSettersAcceptAnyIntegerTypeWhoseRangeHoldsTheValue() {
    assertEquals(5, OutgoingPrimitive.ofSigned(C_LONG, 5).bits());
    assertEquals(-128, OutgoingPrimitive.ofSigned(INT8_T, -128).bits());
    assertEquals(255, OutgoingPrimitive.ofUnsigned(C_UCHAR, 255).bits());
    assertEquals(-1L, OutgoingPrimitive.ofUnsigned(UINT64_T, -1L).bits()); // 2^64-1
    assertEquals(65535, OutgoingPrimitive.ofSigned(C_USHORT, 65535).bits());
  }

  @Test
  void integerSettersRefuseValuesOutsideTheRange() {
    ValueRangeException e =
        assertThrows(ValueRangeException.class, () -> OutgoingPrimitive.ofUnsigned(INT8_T, 200));
    assertTrue(e.getMessage().contains("200") && e.getMessage().contains("int8-t"), e.getMessage());
    assertThrows(ValueRangeException.class, () -> OutgoingPrimitive.ofSigned(C_SCHAR, 128));
    assertThrows(ValueRangeException.class, () -> OutgoingPrimitive.ofSigned(C_UCHAR, -1));
    assertThrows(ValueRangeException.class, () -> OutgoingPrimitive.ofSigned(UINT32_T, 1L << 32));
    assertThrows(ValueRangeException.class, () -> OutgoingPrimitive.ofUnsigned(C_LONG, -1L));
  }

  @Test
  void floatSettersOnlyForFloatTypes() {
    assertThrows(TypeMismatchException.class, () -> OutgoingPrimitive.ofDouble(C_INT, 1.0));
    assertThrows(TypeMismatchException.class, () -> OutgoingPrimitive.ofSigned(C_DOUBLE, 1));
    assertEquals(
        Double.doubleToRawLongBits(1.5f), OutgoingPrimitive.ofFloat(C_DOUBLE, 1.5f).bits());
    // set-f64 into c-float only when exact
    assertEquals(
        Float.floatToRawIntBits(0.5f), (int) OutgoingPrimitive.ofDouble(C_FLOAT, 0.5).bits());
    assertThrows(ValueRangeException.class, () -> OutgoingPrimitive.ofDouble(C_FLOAT, 0.1));
    OutgoingPrimitive.ofDouble(C_FLOAT, Double.NaN);
    OutgoingPrimitive.ofDouble(C_FLOAT, Double.POSITIVE_INFINITY);
  }

  @Test
  void pointersTakeAddressesAndUnsignedIntegers() {
    assertEquals(0x1000, OutgoingPrimitive.ofUnsigned(POINTER, 0x1000).bits());
    assertEquals(0, OutgoingPrimitive.NULL.bits());
    assertThrows(ValueRangeException.class, () -> OutgoingPrimitive.ofSigned(POINTER, -1));
  }

  @Test
  void gettersSucceedWhenTheValueFitsTheirRange() {
    IncomingPrimitive big = IncomingPrimitive.ofBits(UINT64_T, -1L); // 2^64-1
    assertEquals(-1L, big.getU64());
    assertThrows(ValueRangeException.class, big::getS64);
    assertThrows(ValueRangeException.class, big::getU32);

    IncomingPrimitive minusOne = IncomingPrimitive.ofBits(C_SCHAR, -1);
    assertEquals(-1, minusOne.getS8());
    assertEquals(-1, minusOne.getS64());
    assertThrows(ValueRangeException.class, minusOne::getU8);
    assertThrows(ValueRangeException.class, minusOne::getU64);

    IncomingPrimitive x200 = IncomingPrimitive.ofBits(C_UCHAR, 200);
    assertEquals(200, x200.getU8());
    assertEquals(200, x200.getS16());
    assertThrows(ValueRangeException.class, x200::getS8);

    IncomingPrimitive half = IncomingPrimitive.ofBits(C_FLOAT, Float.floatToRawIntBits(0.5f));
    assertEquals(0.5f, half.getF32());
    assertEquals(0.5, half.getF64());
    assertThrows(TypeMismatchException.class, half::getS32);
    IncomingPrimitive third =
        IncomingPrimitive.ofBits(C_DOUBLE, Double.doubleToRawLongBits(1.0 / 3));
    assertThrows(ValueRangeException.class, third::getF32);

    IncomingPrimitive address = IncomingPrimitive.ofBits(POINTER, 0xdead0000L);
    assertEquals(0xdead0000L, address.getU64());
    assertThrows(TypeMismatchException.class, IncomingPrimitive.ofBits(C_INT, 1)::getAlloc);
  }

  @Test
  void sizeofAgreesWithTheLayouts() {
    assertEquals(1, Ffi.sizeof(C_SCHAR));
    assertEquals(4, Ffi.sizeof(C_INT));
    assertEquals(8, Ffi.sizeof(C_LONG)); // LP64
    assertEquals(8, Ffi.sizeof(POINTER));
    assertEquals("so", Dll.extension());
    assertEquals("lib", Dll.prefix());
    assertEquals(".so", Dll.suffix());
  }

  @Test
  void witNamesRoundTrip() {
    for (PrimitiveType t : PrimitiveType.values()) {
      assertEquals(t, PrimitiveType.ofWitName(t.witName()));
    }
    assertEquals("c-ulong-long", PrimitiveType.C_ULONG_LONG.witName());
    assertEquals("int8-t", INT8_T.witName());
  }
}
