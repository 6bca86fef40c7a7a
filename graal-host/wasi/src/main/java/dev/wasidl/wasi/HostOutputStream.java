package dev.wasidl.wasi;

import java.io.Closeable;
import java.io.IOException;

/**
 * The host side of a {@code wasi:io/streams.output-stream} (stdout, a file, a socket). A closed
 * stream is an {@link java.io.EOFException} ({@code closed}); any other {@link IOException} is
 * {@code last-operation-failed}, after which {@link StreamsHost} reports the stream closed without
 * calling it again. {@link StreamsHost} enforces the {@code check-write} budget: {@link #write}
 * never gets more than the last {@link #checkWrite} allowed.
 */
public interface HostOutputStream extends Closeable {
  /** How many bytes {@link #write} accepts now without blocking (0 while a flush is pending). */
  long checkWrite() throws IOException;

  /** Writes {@code bytes} (at most what {@link #checkWrite} allowed). */
  void write(byte[] bytes) throws IOException;

  /**
   * Flushes what was written. May return before the flush completes, if {@link #checkWrite} returns
   * 0 until it has (and {@link #pollable} is ready when it has).
   */
  void flush() throws IOException;

  /** Ready when {@link #checkWrite} is positive or the stream has failed. */
  HostPollable pollable();

  /** The guest dropped the stream: release what it holds. The default does nothing. */
  @Override
  default void close() throws IOException {}
}
