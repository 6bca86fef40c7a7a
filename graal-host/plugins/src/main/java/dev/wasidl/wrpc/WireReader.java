package dev.wasidl.wrpc;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the value encoding's primitives (bytes, LEB128) from a buffer, or from a message's root
 * frames as they arrive ({@link RootFrames}): running out of bytes is an {@link EOFException}. From
 * frames, a length that claims more bytes than the message may still bring is refused before
 * anything is allocated, and what the decoded values will hold is charged to the server's {@link
 * Budget}.
 */
public final class WireReader {
  private static final int CHUNK = 1 << 20;

  private final byte[] buf;
  private final int limit;
  private int pos;
  private final @Nullable RootFrames frames;

  public WireReader(byte[] buf) {
    this(buf, buf.length);
  }

  public WireReader(byte[] buf, int limit) {
    this.buf = buf;
    this.limit = limit;
    this.frames = null;
  }

  WireReader(RootFrames frames) {
    this.buf = new byte[0];
    this.limit = 0;
    this.frames = frames;
  }

  /** Charges {@code n} bytes that a decoded value will hold (reading from frames only). */
  void weigh(long n) throws WrpcException {
    if (frames != null) {
      frames.charge().add(n);
    }
  }

  public int position() {
    return pos;
  }

  public boolean atEnd() {
    return pos == limit;
  }

  public int u8() throws EOFException, WrpcException {
    if (frames != null) {
      int b = read(frames);
      if (b < 0) {
        throw new EOFException("connection closed before the values arrived");
      }
      return b;
    }
    if (pos >= limit) {
      throw new EOFException("value truncated");
    }
    return buf[pos++] & 0xff;
  }

  public byte[] bytes(long n) throws EOFException, WrpcException {
    if (frames != null) {
      if (n > frames.allowance()) {
        throw new WrpcException(
            "a length of "
                + n
                + " bytes takes the message past its limit of "
                + frames.limit()
                + " bytes");
      }
      return bytesFromFrames(frames, (int) n);
    }
    if (n > limit - pos) {
      throw new EOFException("value truncated");
    }
    byte[] out = Arrays.copyOfRange(buf, pos, pos + (int) n);
    pos += (int) n;
    return out;
  }

  /**
   * {@code n} bytes from the frames, charged and allocated as they arrive (a length prefix alone
   * holds nothing): chunks of at most {@link #CHUNK}, joined once all are there.
   */
  private byte[] bytesFromFrames(RootFrames f, int n) throws EOFException, WrpcException {
    List<byte[]> chunks = new ArrayList<>();
    for (int got = 0; got < n; ) {
      int k = Math.min(CHUNK, n - got);
      weigh(k);
      byte[] c = readNBytes(f, k);
      if (c.length != k) {
        throw new EOFException("connection closed before the values arrived");
      }
      chunks.add(c);
      got += k;
    }
    if (chunks.size() == 1) {
      return chunks.getFirst();
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] c : chunks) {
      System.arraycopy(c, 0, out, at, c.length);
      at += c.length;
    }
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

  // The frames' I/O errors (a reset, a timeout, a malformed frame) end the message: they travel
  // as they are, a WrpcException as itself, the others wrapped to fit the decoders' signatures.
  private static int read(RootFrames f) throws EOFException, WrpcException {
    try {
      return f.read();
    } catch (EOFException | WrpcException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readNBytes(RootFrames f, int n) throws EOFException, WrpcException {
    try {
      return f.readNBytes(n);
    } catch (EOFException | WrpcException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
