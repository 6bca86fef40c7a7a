package dev.wasidl.wasi;

import java.io.IOException;

/**
 * The host side of a {@code wasi:io/streams.input-stream} (stdin, a file, a socket). End of stream
 * is an {@link java.io.EOFException} (the WIT's {@code closed}); any other {@link IOException} is
 * {@code last-operation-failed}.
 */
public interface HostInputStream {
  /** Up to {@code len} bytes that are available now, possibly none; never blocks. */
  byte[] read(int len) throws IOException;

  /** Up to {@code len} bytes, at least one: waits until some are available. */
  byte[] blockingRead(int len) throws IOException;

  /** Ready when {@link #read} would return bytes or report the end of the stream. */
  HostPollable pollable();
}
