package dev.wasidl.wasi;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An {@code output-stream} over a Java {@link OutputStream} (stdout, stderr): writes go straight to
 * it (blocking as it does), {@code flush} flushes it, and it is always ready for another {@link
 * #BUDGET} bytes. Dropping the handle flushes but never closes the stream, which belongs to the
 * application.
 */
final class OutputStreamSink implements HostOutputStream {
  /** What {@code check-write} grants each time. */
  static final long BUDGET = 64 * 1024;

  private final OutputStream out;

  OutputStreamSink(OutputStream out) {
    this.out = out;
  }

  @Override
  public long checkWrite() {
    return BUDGET;
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public HostPollable pollable() {
    return HostPollable.READY;
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
