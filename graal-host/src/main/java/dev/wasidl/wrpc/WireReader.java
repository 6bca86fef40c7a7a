package dev.wasidl.wrpc;

import java.io.EOFException;
import java.util.Arrays;

/**
 * Reads the value encoding's primitives (bytes, LEB128) from a buffer that may hold only part of a
 * message: running out of bytes is an {@link EOFException}, so the caller can read more and retry.
 */
public final class WireReader {
  private final byte[] buf;
  private final int limit;
  private int pos;

  public WireReader(byte[] buf) {
    this(buf, buf.length);
  }

  public WireReader(byte[] buf, int limit) {
    this.buf = buf;
    this.limit = limit;
  }

  public int position() {
    return pos;
  }

  public boolean atEnd() {
    return pos == limit;
  }

  public int u8() throws EOFException {
    if (pos >= limit) {
      throw new EOFException("value truncated");
    }
    return buf[pos++] & 0xff;
  }

  public byte[] bytes(long n) throws EOFException {
    if (n > limit - pos) {
      throw new EOFException("value truncated");
    }
    byte[] out = Arrays.copyOfRange(buf, pos, pos + (int) n);
    pos += (int) n;
    return out;
  }

  /** An unsigned LEB128 of at most {@code bits} bits (u16, u32, u64 and lengths). */
  public long uleb(int bits) throws EOFException, WrpcException {
    long result = 0;
    int maxBytes = (bits + 6) / 7;
    for (int i = 0; i < maxBytes; i++) {
      int b = u8();
      int shift = 7 * i;
      long payload = b & 0x7fL;
      if (shift + 7 > bits && (payload >>> (bits - shift)) != 0) {
        throw new WrpcException("LEB128 value does not fit in u" + bits);
      }
      result |= payload << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new WrpcException("LEB128 value longer than " + maxBytes + " bytes for u" + bits);
  }

  /** A signed LEB128 of at most {@code bits} bits (s16, s32, s64). */
  public long sleb(int bits) throws EOFException, WrpcException {
    long result = 0;
    int maxBytes = (bits + 6) / 7;
    for (int i = 0; i < maxBytes; i++) {
      int b = u8();
      int shift = 7 * i;
      result |= (b & 0x7fL) << shift;
      if (bits == 64 && i == 9 && b != 0x00 && b != 0x7f) {
        throw new WrpcException("LEB128 value does not fit in s64");
      }
      if ((b & 0x80) == 0) {
        int used = shift + 7;
        if (used < 64 && (b & 0x40) != 0) {
          result |= -1L << used;
        }
        if (bits < 64) {
          long min = -1L << (bits - 1);
          if (result < min || result > ~min) {
            throw new WrpcException("LEB128 value does not fit in s" + bits);
          }
        }
        return result;
      }
    }
    throw new WrpcException("LEB128 value longer than " + maxBytes + " bytes for s" + bits);
  }
}
