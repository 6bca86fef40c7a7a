package dev.wasidl.wasi;

import java.io.IOException;

/**
 * The host side of a {@code wasi:io/streams.output-stream} (stdout, a file, a socket). A closed
 * stream is an {@link java.io.EOFException} ({@code closed}); any other {@link IOException} is
 * {@code last-operation-failed}.
 */
public interface HostOutputStream {
  /** How many bytes {@link #write} accepts now without blocking (0 while a flush is pending). */
  long checkWrite() throws IOException;

  /** Writes {@code bytes} (at most what {@link #checkWrite} allowed). */
  void write(byte[] bytes) throws IOException;

  void flush() throws IOException;

  /** Ready when {@link #checkWrite} is positive or the stream has failed. */
  HostPollable pollable();
}
