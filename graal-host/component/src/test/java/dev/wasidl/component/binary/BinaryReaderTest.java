package dev.wasidl.component.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.component.InvalidComponentException;
import dev.wasidl.component.MalformedComponentException;
import org.junit.jupiter.api.Test;

/** LEB128 and name decoding at the edges. */
class BinaryReaderTest {
  private static BinaryReader reader(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return new BinaryReader(b, 0, b.length, "test section");
  }

  @Test
  void u32() {
    assertEquals(0, reader(0x00).u32());
    assertEquals(127, reader(0x7f).u32());
    assertEquals(128, reader(0x80, 0x01).u32());
    assertEquals(0, reader(0x80, 0x80, 0x80, 0x80, 0x00).u32()); // padded zero is allowed
    assertEquals(-1, reader(0xff, 0xff, 0xff, 0xff, 0x0f).u32()); // 2^32 - 1
    assertEquals(
        "malformed: integer too large at offset 0 (test section)",
        assertThrows(
                MalformedComponentException.class, () -> reader(0xff, 0xff, 0xff, 0xff, 0x1f).u32())
            .getMessage());
    assertEquals(
        "malformed: integer representation too long at offset 0 (test section)",
        assertThrows(
                MalformedComponentException.class,
                () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).u32())
            .getMessage());
    MalformedComponentException e =
        assertThrows(MalformedComponentException.class, () -> reader(0x80, 0x80).u32());
    assertEquals(2, e.offset());
  }

  @Test
  void s33() {
    assertEquals(0, reader(0x00).s33());
    assertEquals(63, reader(0x3f).s33());
    assertEquals(-1, reader(0x7f).s33());
    assertEquals(-64, reader(0x40).s33());
    assertEquals(64, reader(0xc0, 0x00).s33());
    assertEquals(0xffff_ffffL, reader(0xff, 0xff, 0xff, 0xff, 0x0f).s33());
    assertEquals(-(1L << 32), reader(0x80, 0x80, 0x80, 0x80, 0x70).s33());
    assertThrows(
        MalformedComponentException.class, () -> reader(0xff, 0xff, 0xff, 0xff, 0x1f).s33());
    assertThrows(
        MalformedComponentException.class, () -> reader(0x80, 0x80, 0x80, 0x80, 0x50).s33());
    assertThrows(
        MalformedComponentException.class, () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).s33());
  }

  @Test
  void u64() {
    assertEquals(-1L, reader(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01).u64());
    assertThrows(
        MalformedComponentException.class,
        () -> reader(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02).u64());
  }

  @Test
  void indexBeyondIntRange() {
    InvalidComponentException e =
        assertThrows(
            InvalidComponentException.class, () -> reader(0xff, 0xff, 0xff, 0xff, 0x0f).index());
    assertTrue(e.getMessage().contains("index 4294967295 out of range"), e.getMessage());
  }

  @Test
  void names() {
    assertEquals("héllo", reader(0x06, 'h', 0xc3, 0xa9, 'l', 'l', 'o').name());
    assertEquals("", reader(0x00).name());
    assertThrows(MalformedComponentException.class, () -> reader(0x02, 0xc3, 0x28).name());
    assertThrows(MalformedComponentException.class, () -> reader(0x05, 'a').name());
    // surrogate code points (ED A0 80) are not well-formed UTF-8
    assertThrows(MalformedComponentException.class, () -> reader(0x03, 0xed, 0xa0, 0x80).name());
  }

  @Test
  void vectorLength() {
    assertEquals(2, reader(0x02, 0x00, 0x00).vecLength());
    assertThrows(MalformedComponentException.class, () -> reader(0x03, 0x00, 0x00).vecLength());
  }
}
