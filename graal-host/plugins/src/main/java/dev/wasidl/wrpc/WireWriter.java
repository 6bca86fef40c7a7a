package dev.wasidl.wrpc;

import java.io.ByteArrayOutputStream;

/** Writes the value encoding's primitives: bytes, unsigned and signed LEB128. */
public final class WireWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public WireWriter() {}

  public WireWriter u8(int b) {
    out.write(b);
    return this;
  }

  public WireWriter bytes(byte[] b) {
    out.write(b, 0, b.length);
    return this;
  }

  /** Unsigned LEB128 of {@code v}'s 64 bits. */
  public WireWriter uleb(long v) {
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      out.write(v == 0 ? b : b | 0x80);
    } while (v != 0);
    return this;
  }

  /** Signed LEB128. */
  public WireWriter sleb(long v) {
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

  public int size() {
    return out.size();
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
