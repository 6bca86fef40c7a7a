package dev.wasidl.component;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds small component binaries byte by byte for the malformed/invalid/unsupported tests. */
final class Wasm {
  private Wasm() {}

  static final byte[] PREAMBLE = bytes(0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00);
  static final byte[] CORE_PREAMBLE = bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static byte[] u32(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long v = value;
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return out.toByteArray();
  }

  /** A signed LEB128 ({@code s33}), as a type index in a value type is written. */
  static byte[] s33(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long v = value;
    while (true) {
      int b = (int) (v & 0x7f);
      v >>= 7;
      if ((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0)) {
        out.write(b);
        return out.toByteArray();
      }
      out.write(b | 0x80);
    }
  }

  static byte[] name(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    return cat(u32(utf8.length), utf8);
  }

  static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] vec(byte[]... elements) {
    return cat(u32(elements.length), cat(elements));
  }

  static byte[] section(int id, byte[]... body) {
    byte[] content = cat(body);
    return cat(bytes(id), u32(content.length), content);
  }

  static byte[] component(byte[]... sections) {
    return cat(PREAMBLE, cat(sections));
  }

  static byte[] coreModule(byte[]... sections) {
    return cat(CORE_PREAMBLE, cat(sections));
  }

  /** An extern name in the {@code 0x00 len name} form. */
  static byte[] externName(String s) {
    return cat(bytes(0x00), name(s));
  }
}
