package dev.wasidl.wasi;

import java.io.Closeable;
import java.io.IOException;

/**
 * The host side of a {@code wasi:io/streams.input-stream} (stdin, a file, a socket). End of stream
 * is an {@link java.io.EOFException} (the WIT's {@code closed}); any other {@link IOException} is
 * {@code last-operation-failed}, after which {@link StreamsHost} reports the stream closed without
 * calling it again. {@link StreamsHost} caps {@code len} (the WIT's is a {@code u64}) before it
 * calls these methods.
 */
public interface HostInputStream extends Closeable {
  /**
   * Up to {@code len} bytes that are available now, possibly none; never blocks. With {@code len}
   * 0: an empty array, or {@link java.io.EOFException} if the stream has ended.
   */
  byte[] read(int len) throws IOException;

  /** Up to {@code len} (positive) bytes, at least one: waits until some are available. */
  byte[] blockingRead(int len) throws IOException;

  /** Ready when {@link #read} would return bytes or report the end of the stream. */
  HostPollable pollable();

  /** The guest dropped the stream: release what it holds. The default does nothing. */
  @Override
  default void close() throws IOException {}
}
