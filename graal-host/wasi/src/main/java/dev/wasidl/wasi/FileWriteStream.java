package dev.wasidl.wasi;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A {@code write-via-stream} or {@code append-via-stream} output stream over a file: positional
 * writes from its own offset on the descriptor's shared channel, or at the file's current end when
 * appending. Writes complete at once, so it is always ready and flush has nothing to do.
 */
final class FileWriteStream implements HostOutputStream {
  /** What {@link #checkWrite} grants per write. */
  static final long WRITE_BUDGET = 1 << 20;

  private final SharedChannel file;
  private final boolean append;
  private long position;
  private boolean closed;

  private FileWriteStream(SharedChannel file, long position, boolean append) {
    this.file = file.retain();
    this.position = position;
    this.append = append;
  }

  static FileWriteStream at(SharedChannel file, long position) {
    return new FileWriteStream(file, position, false);
  }

  static FileWriteStream appending(SharedChannel file) {
    return new FileWriteStream(file, 0, true);
  }

  @Override
  public long checkWrite() throws IOException {
    if (closed) {
      throw new EOFException("stream closed");
    }
    return WRITE_BUDGET;
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    if (closed) {
      throw new EOFException("stream closed");
    }
    try {
      FileChannel ch = file.channel();
      long at = append ? ch.size() : position;
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        at += ch.write(buf, at);
      }
      position = at;
    } catch (IOException | RuntimeException e) {
      throw FsError.of(e);
    }
  }

  @Override
  public void flush() throws IOException {
    if (closed) {
      throw new EOFException("stream closed");
    }
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
