package dev.wasidl.component;

import static dev.wasidl.component.Wasm.bytes;
import static dev.wasidl.component.Wasm.cat;
import static dev.wasidl.component.Wasm.component;
import static dev.wasidl.component.Wasm.coreModule;
import static dev.wasidl.component.Wasm.name;
import static dev.wasidl.component.Wasm.section;
import static dev.wasidl.component.Wasm.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Sizes of 2^31 and more (negative as a Java int) in untrusted bytes: a section, a core module's
 * custom section, a component-name subsection. Each is "unexpected end" at once (the lenient name
 * section is dropped); before, a size of 0xFFFFFFFA moved the reader back six bytes and a 24-byte
 * component made the decoder, and `wasidl wit`, loop for ever (issue 17).
 */
class HugeSizesTest {
  private static String refused(byte[] component) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () ->
            assertThrows(
                    MalformedComponentException.class, () -> ComponentDecoder.decode(component))
                .getMessage());
  }

  @Test
  void aCoreCustomSectionOfNearly4GiBInA24ByteComponent() {
    byte[] component = component(section(1, coreModule(bytes(0), u32(0xFFFF_FFFAL))));
    assertEquals(24, component.length);
    assertEquals(
        "malformed: unexpected end: core custom section of 4294967290 bytes, 0 left at offset 24"
            + " (core module section)",
        refused(component));
  }

  @Test
  void aComponentSectionOf2GiB() {
    for (long size : new long[] {0x8000_0000L, 0xFFFF_FFFFL}) {
      byte[] component = component(bytes(1), u32(size), Wasm.CORE_PREAMBLE);
      assertEquals(
          "malformed: unexpected end: core module section of "
              + size
              + " bytes, 8 left at offset "
              + (9 + u32(size).length),
          refused(component).replaceAll(" \\(.*\\)$", ""));
    }
  }

  @Test
  void aComponentNameSubsectionOfNearly4GiBDropsTheNames() {
    byte[] custom = cat(name("component-name"), bytes(0), u32(0xFFFF_FFFAL));
    byte[] component = component(section(0, custom));
    // the name section is read leniently (a bad one is dropped), and at once
    assertEquals(
        Optional.empty(),
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> ComponentDecoder.decode(component))
            .names());
  }
}
