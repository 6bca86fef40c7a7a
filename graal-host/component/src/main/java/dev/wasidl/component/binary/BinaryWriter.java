package dev.wasidl.component.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A growing byte buffer with the binary format's encodings (LEB128, names, vectors). */
public final class BinaryWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** An empty writer. */
  public BinaryWriter() {}

  /** One byte. */
  public BinaryWriter u8(int b) {
    out.write(b);
    return this;
  }

  /** {@code u32} as unsigned LEB128. */
  public BinaryWriter u32(long value) {
    if (value < 0 || value > 0xffff_ffffL) {
      throw new IllegalArgumentException("not a u32: " + value);
    }
    return uleb(value);
  }

  /** {@code s33} as signed LEB128 (type indices in {@code valtype}s). */
  public BinaryWriter s33(long value) {
    return sleb(value);
  }

  /** Unsigned LEB128 of all 64 bits of {@code v} (wRPC's value encoding uses it up to u64). */
  public BinaryWriter uleb(long v) {
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      out.write(v == 0 ? b : b | 0x80);
    } while (v != 0);
    return this;
  }

  /** Signed LEB128 of {@code v}. */
  public BinaryWriter sleb(long v) {
    while (true) {
      int b = (int) (v & 0x7f);
      v >>= 7;
      boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
      out.write(done ? b : b | 0x80);
      if (done) {
        return this;
      }
    }
  }

  /** A name: its UTF-8 length, then the bytes. */
  public BinaryWriter name(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    u32(utf8.length);
    out.write(utf8, 0, utf8.length);
    return this;
  }

  /** Raw bytes. */
  public BinaryWriter bytes(byte[] bytes) {
    out.write(bytes, 0, bytes.length);
    return this;
  }

  /** The bytes of {@code w}, prefixed by their length (a section's or a vector's body). */
  public BinaryWriter sized(BinaryWriter w) {
    byte[] b = w.toByteArray();
    u32(b.length);
    return bytes(b);
  }

  public int size() {
    return out.size();
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
