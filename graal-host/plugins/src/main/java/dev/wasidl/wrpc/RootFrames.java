package dev.wasidl.wrpc;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The root frames of a message (parameters or results) read as one byte stream: the next frame's
 * header is read only when the current frame's data is used up, so a value spanning many frames is
 * decoded in one pass, linear in its size, with no message buffered. A frame whose length would
 * take the message past {@code limit} bytes is refused as soon as its length prefix arrives, before
 * anything is allocated.
 */
final class RootFrames extends InputStream {
  private final InputStream in;
  private final long limit;
  private final Budget.Charge charge;
  private long taken;
  private long left;

  RootFrames(InputStream in, long limit, Budget.Charge charge) {
    this.in = in;
    this.limit = limit;
    this.charge = charge;
  }

  /** Bytes the message may still bring: what a length prefix inside it may claim at most. */
  long allowance() {
    return limit - taken + left;
  }

  long limit() {
    return limit;
  }

  Budget.Charge charge() {
    return charge;
  }

  /** Bytes left in the current frame: after the values, any is a protocol error. */
  long leftInFrame() {
    return left;
  }

  /** Reads frame headers until one with data; false at a clean end of the stream. */
  private boolean nextFrame() throws IOException {
    while (left == 0) {
      int first = in.read();
      if (first < 0) {
        return false;
      }
      long depth = Framing.readUleb(in, 32, first);
      if (depth != 0) {
        throw new WrpcException(
            "a frame for an asynchronous value (path of depth "
                + depth
                + "): streams and futures are refused");
      }
      long n = Framing.readUleb(in, 64);
      if (n < 0 || n > limit - taken) {
        throw new WrpcException(
            "a frame of "
                + Long.toUnsignedString(n)
                + " bytes takes the message past its limit of "
                + limit
                + " bytes ("
                + taken
                + " taken)");
      }
      taken += n;
      left = n;
    }
    return true;
  }

  @Override
  public int read() throws IOException {
    if (left == 0 && !nextFrame()) {
      return -1;
    }
    int b = in.read();
    if (b < 0) {
      throw new EOFException("connection closed inside a frame");
    }
    left--;
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (left == 0 && !nextFrame()) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, left));
    if (n < 0) {
      throw new EOFException("connection closed inside a frame");
    }
    left -= n;
    return n;
  }
}
