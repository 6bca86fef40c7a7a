package dev.wasidl.wasi;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * A {@code read-via-stream} input stream over a file: positional reads from its own offset on the
 * descriptor's shared channel. Files never block, so it is always ready; the end of the file is
 * {@link EOFException} ({@code closed}), also for a read of 0 bytes there; other failures are
 * {@link FsError}s.
 */
final class FileReadStream implements HostInputStream {
  /** The most one read returns, whatever length the guest asks for. */
  static final int MAX_READ = 1 << 20;

  private final SharedChannel file;
  private long position;
  private boolean closed;

  FileReadStream(SharedChannel file, long position) {
    this.file = file.retain();
    this.position = position;
  }

  @Override
  public byte[] read(int len) throws IOException {
    if (closed) {
      throw new EOFException("stream closed");
    }
    int n = Math.min(Math.max(len, 0), MAX_READ);
    ByteBuffer buf = ByteBuffer.allocate(n);
    int got;
    try {
      FileChannel ch = file.channel();
      got = n == 0 ? (position >= ch.size() ? -1 : 0) : ch.read(buf, position);
    } catch (IOException | RuntimeException e) {
      throw FsError.of(e);
    }
    if (got < 0) {
      throw new EOFException("end of file");
    }
    position += got;
    return got == n ? buf.array() : Arrays.copyOf(buf.array(), got);
  }

  @Override
  public byte[] blockingRead(int len) throws IOException {
    return read(len);
  }

  @Override
  public HostPollable pollable() {
    return HostPollable.READY;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      file.release();
    }
  }
}
