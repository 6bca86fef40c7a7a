package dev.wasidl.component;

import static dev.wasidl.component.Wasm.bytes;
import static dev.wasidl.component.Wasm.cat;
import static dev.wasidl.component.Wasm.component;
import static dev.wasidl.component.Wasm.coreModule;
import static dev.wasidl.component.Wasm.name;
import static dev.wasidl.component.Wasm.section;
import static dev.wasidl.component.Wasm.u32;
import static dev.wasidl.component.Wasm.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bytes that do not follow the binary grammar: {@link MalformedComponentException}. */
class MalformedComponentTest {

  private static MalformedComponentException malformed(byte[] bytes) {
    return assertThrows(MalformedComponentException.class, () -> ComponentDecoder.decode(bytes));
  }

  /** Offsets where a top-level section starts (and the end): cutting there leaves a component. */
  private static Set<Integer> sectionBoundaries(byte[] bytes) {
    Set<Integer> boundaries = new HashSet<>();
    int pos = 8;
    boundaries.add(pos);
    while (pos < bytes.length) {
      pos++;
      long size = 0;
      int shift = 0;
      int b;
      do {
        b = bytes[pos++] & 0xff;
        size |= (long) (b & 0x7f) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      pos += (int) size;
      boundaries.add(pos);
    }
    return boundaries;
  }

  @ParameterizedTest
  @ValueSource(strings = {"nested-wat.wasm", "types-c.wasm"})
  void truncatedAtEveryBytePosition(String guest) {
    byte[] full = Guests.bytes(guest);
    Set<Integer> boundaries = sectionBoundaries(full);
    for (int i = 0; i < full.length; i++) {
      int n = i;
      byte[] cut = Arrays.copyOf(full, n);
      try {
        ComponentDecoder.decode(cut);
        if (!boundaries.contains(n)) {
          fail(guest + " truncated to " + n + " bytes decoded without error");
        }
      } catch (MalformedComponentException e) {
        assertTrue(e.offset() <= n, () -> "offset " + e.offset() + " past the end " + n);
        assertTrue(e.getMessage().contains("at offset " + e.offset()), e.getMessage());
      } catch (InvalidComponentException e) {
        // Only a cut at a section boundary can leave a well-formed (but incomplete) component.
        assertTrue(boundaries.contains(n), () -> "at " + n + ": " + e.getMessage());
      }
    }
  }

  @Test
  void emptyInputAndBadMagic() {
    MalformedComponentException e = malformed(new byte[0]);
    assertEquals("preamble", e.section());
    assertEquals(0, e.offset());
    e = malformed(bytes(0x00, 0x61, 0x73, 0x6e, 0x0d, 0x00, 0x01, 0x00));
    assertTrue(e.getMessage().contains("magic header"), e.getMessage());
  }

  @Test
  void coreModuleIsNotAComponent() {
    MalformedComponentException e = malformed(coreModule());
    assertEquals(
        "malformed: expected a component (layer 1), found a core module (layer 0) at offset 6"
            + " (preamble)",
        e.getMessage());
  }

  @Test
  void otherVersionIsMalformed() {
    MalformedComponentException e =
        malformed(bytes(0x00, 0x61, 0x73, 0x6d, 0x0c, 0x00, 0x01, 0x00));
    assertEquals(4, e.offset());
    assertTrue(e.getMessage().contains("unknown binary version 0xc"), e.getMessage());
  }

  @Test
  void unknownSectionId() {
    MalformedComponentException e = malformed(component(section(13)));
    assertEquals("malformed: malformed section id 13 at offset 8 (preamble)", e.getMessage());
  }

  @Test
  void sectionSizeBeyondEnd() {
    byte[] bytes = component(bytes(7, 10, 0));
    MalformedComponentException e = malformed(bytes);
    assertTrue(e.getMessage().contains("unexpected end: type section of 10 bytes"), e.getMessage());
  }

  @Test
  void sectionSizeMismatch() {
    // A type section claiming 3 bytes holding one u32 type (2 bytes), then a stray byte.
    MalformedComponentException e = malformed(component(section(7, vec(bytes(0x79)), bytes(0))));
    assertEquals("type section", e.section());
    assertEquals(12, e.offset());
    assertTrue(e.getMessage().contains("section size mismatch"), e.getMessage());
  }

  @Test
  void lebRepresentationTooLong() {
    // The type section's vector length in 6 bytes.
    MalformedComponentException e =
        malformed(component(section(7, bytes(0x81, 0x80, 0x80, 0x80, 0x80, 0x00))));
    assertEquals(
        "malformed: integer representation too long at offset 10 (type section)", e.getMessage());
  }

  @Test
  void lebTooLarge() {
    MalformedComponentException e =
        malformed(component(section(7, bytes(0xff, 0xff, 0xff, 0xff, 0x7f))));
    assertEquals("malformed: integer too large at offset 10 (type section)", e.getMessage());
  }

  @Test
  void lebTruncated() {
    MalformedComponentException e = malformed(component(section(7, bytes(0x80, 0x80))));
    assertTrue(e.getMessage().contains("unexpected end of type section"), e.getMessage());
    assertEquals(12, e.offset());
  }

  @Test
  void vectorLongerThanSection() {
    MalformedComponentException e = malformed(component(section(7, u32(1000), bytes(0x79))));
    assertTrue(e.getMessage().contains("vector length 1000"), e.getMessage());
  }

  @Test
  void invalidUtf8InName() {
    // import with name bytes FF FE
    byte[] imp = cat(bytes(0x00, 0x02, 0xff, 0xfe), bytes(0x03, 0x01));
    MalformedComponentException e = malformed(component(section(10, vec(imp))));
    assertEquals(
        "malformed: malformed UTF-8 encoding at offset 12 (import section)", e.getMessage());
  }

  @Test
  void invalidTypeOpcode() {
    MalformedComponentException e = malformed(component(section(7, vec(bytes(0x50)))));
    assertEquals("type section", e.section());
    assertEquals(11, e.offset());
  }

  @Test
  void variantCaseWithRefines() {
    byte[] variant = cat(bytes(0x71), vec(cat(name("a"), bytes(0x00, 0x01, 0x00))));
    MalformedComponentException e = malformed(component(section(7, vec(variant))));
    assertTrue(e.getMessage().contains("refines"), e.getMessage());
  }

  @Test
  void coreModuleSectionsOutOfOrder() {
    // export section (7) before function section (3)
    byte[] module = coreModule(section(7, vec()), section(3, vec()));
    MalformedComponentException e = malformed(component(section(1, module)));
    assertEquals("core module section", e.section());
    assertEquals(21, e.offset());
    assertTrue(e.getMessage().contains("core function section out of order"), e.getMessage());
  }

  @Test
  void coreModuleSectionDuplicated() {
    byte[] module = coreModule(section(1, vec()), section(1, vec()));
    MalformedComponentException e = malformed(component(section(1, module)));
    assertTrue(e.getMessage().contains("out of order or duplicated"), e.getMessage());
  }

  @Test
  void coreModuleSectionHoldingAComponent() {
    MalformedComponentException e = malformed(component(section(1, component())));
    assertTrue(e.getMessage().contains("found layer 1"), e.getMessage());
  }

  @Test
  void canonLiftWithoutFuncSortByte() {
    MalformedComponentException e = malformed(component(section(8, vec(bytes(0x00, 0x01)))));
    assertEquals("canon section", e.section());
    assertEquals(12, e.offset());
  }

  @Test
  void unknownCanonOption() {
    byte[] canon = cat(bytes(0x01, 0x00), u32(0), vec(bytes(0x09)));
    byte[] imp = cat(Wasm.externName("f"), bytes(0x01, 0x00));
    byte[] fn = cat(bytes(0x40), vec(), bytes(0x01, 0x00));
    MalformedComponentException e =
        malformed(component(section(7, vec(fn)), section(10, vec(imp)), section(8, vec(canon))));
    assertTrue(e.getMessage().contains("invalid canonical option 0x9"), e.getMessage());
  }

  @Test
  void namedResults() {
    byte[] type = cat(bytes(0x40), vec(), bytes(0x01), vec(cat(name("r"), bytes(0x79))));
    MalformedComponentException e = malformed(component(section(7, vec(type))));
    assertTrue(e.getMessage().contains("resultlist 0x01 must be followed by 0x00"), e.getMessage());
  }
}
