package dev.wasidl.component.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.wasidl.component.MalformedComponentException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
  private static final byte[] COMPONENT = {0, 'a', 's', 'm', 0x0d, 0, 0x01, 0};
  private static final byte[] CORE = {0, 'a', 's', 'm', 0x01, 0, 0, 0};

  private static byte[] leb(long v) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return out.toByteArray();
  }

  private static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] section(int id, byte[] body) {
    return cat(new byte[] {(byte) id}, leb(body.length), body);
  }

  private static String refused(byte[] component) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () ->
            assertThrows(MalformedComponentException.class, () -> ComponentReader.read(component))
                .getMessage());
  }

  @Test
  void aCoreCustomSectionOfNearly4GiBInA24ByteComponent() {
    byte[] core = cat(CORE, new byte[] {0}, leb(0xFFFF_FFFAL));
    byte[] component = cat(COMPONENT, section(1, core));
    assertEquals(24, component.length);
    assertEquals(
        "malformed: unexpected end: core custom section of 4294967290 bytes, 0 left at offset 24"
            + " (core module section)",
        refused(component));
  }

  @Test
  void aComponentSectionOf2GiB() {
    for (long size : new long[] {0x8000_0000L, 0xFFFF_FFFFL}) {
      byte[] component = cat(COMPONENT, new byte[] {1}, leb(size), CORE);
      assertEquals(
          "malformed: unexpected end: core module section of "
              + size
              + " bytes, 8 left at offset "
              + (9 + leb(size).length),
          refused(component).replaceAll(" \\(.*\\)$", ""));
    }
  }

  @Test
  void aComponentNameSubsectionOfNearly4GiBDropsTheNames() {
    byte[] name = cat(new byte[] {14}, "component-name".getBytes(StandardCharsets.UTF_8));
    byte[] custom = cat(name, new byte[] {0}, leb(0xFFFF_FFFAL));
    byte[] component = cat(COMPONENT, section(0, custom));
    // the name section is read leniently (a bad one is dropped), and at once
    assertEquals(
        Optional.empty(),
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> ComponentReader.read(component))
            .names());
  }
}
