package dev.wasidl.wrpc;

import dev.wasidl.component.binary.BinaryWriter;

/**
 * Writes the value encoding's primitives: bytes, unsigned and signed LEB128 (the binary format's
 * own {@link BinaryWriter} encodings, which wRPC shares).
 */
public final class WireWriter {
  private final BinaryWriter out = new BinaryWriter();

  public WireWriter() {}

  public WireWriter u8(int b) {
    out.u8(b);
    return this;
  }

  public WireWriter bytes(byte[] b) {
    out.bytes(b);
    return this;
  }

  /** Unsigned LEB128 of {@code v}'s 64 bits. */
  public WireWriter uleb(long v) {
    out.uleb(v);
    return this;
  }

  /** Signed LEB128. */
  public WireWriter sleb(long v) {
    out.sleb(v);
    return this;
  }

  public int size() {
    return out.size();
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
