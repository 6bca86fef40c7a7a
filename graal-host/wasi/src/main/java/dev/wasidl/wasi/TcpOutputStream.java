package dev.wasidl.wasi;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The output stream of a connected TCP socket: writes go straight to the channel (non-blocking);
 * what the kernel does not take at once is kept, and {@link #checkWrite} is 0 until it has gone
 * out, so the budget and the pollable follow the channel's writability.
 */
final class TcpOutputStream implements HostOutputStream {
  /** What {@link #checkWrite} grants when nothing is pending. */
  static final int BUDGET = 64 * 1024;

  /** The most bytes kept for the kernel when a writer ignores {@link #checkWrite}. */
  private static final int MAX_PENDING = 1 << 20;

  private final SocketChannel channel;
  private @Nullable ByteBuffer pending; // bytes the kernel did not take yet, in read mode
  private boolean shutdown; // shutdown(send) asked for; done once pending is out
  private boolean closed; // no more writes: shut down, or a failure was reported
  private @Nullable IOException failure;

  TcpOutputStream(SocketChannel channel) {
    this.channel = channel;
  }

  @Override
  public long checkWrite() throws IOException {
    ensureOpen();
    drain();
    ensureOpen();
    return pending == null ? BUDGET : 0;
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    ensureOpen();
    drain();
    ensureOpen();
    if (bytes.length == 0) {
      return;
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    ByteBuffer p = pending;
    if (p == null) {
      write(buf);
      ensureOpen();
      if (buf.hasRemaining()) {
        pending = buf;
      }
      return;
    }
    // More than check-write allowed: the streams host should have refused it; keep it, bounded.
    if ((long) p.remaining() + bytes.length > MAX_PENDING) {
      throw new IOException("write of " + bytes.length + " bytes exceeds what check-write allowed");
    }
    pending = ByteBuffer.allocate(p.remaining() + bytes.length).put(p).put(buf).flip();
  }

  @Override
  public void flush() throws IOException {
    ensureOpen();
    drain();
    ensureOpen();
  }

  @Override
  public HostPollable pollable() {
    return () -> {
      if (closed || failure != null) {
        return true;
      }
      drain();
      return pending == null || failure != null;
    };
  }

  /** {@code shutdown(send)}: no more writes; the FIN goes out after what is pending. */
  void shutdown() {
    if (shutdown) {
      return;
    }
    shutdown = true;
    closed = true;
    drain();
  }

  /**
   * The socket is dropped: bytes still pending go out from a background thread (as the kernel
   * lingers after {@code close}), for at most {@code linger}, then the channel is closed.
   */
  void closeAfterDrain(Duration linger) {
    closed = true; // the guest's handle, if it still has one, sees a closed stream
    ByteBuffer p = pending;
    pending = null;
    if (p == null || !channel.isOpen() || failure != null) {
      closeQuietly();
      return;
    }
    long deadline = System.nanoTime() + linger.toNanos();
    Thread.ofPlatform()
        .daemon()
        .name("wasi-tcp-linger")
        .start(
            () -> {
              try {
                while (p.hasRemaining() && System.nanoTime() < deadline) {
                  if (channel.write(p) == 0) {
                    Thread.sleep(2);
                  }
                }
              } catch (IOException e) {
                // the peer is gone
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                closeQuietly();
              }
            });
  }

  private void closeQuietly() {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more to release
    }
  }

  private void ensureOpen() throws IOException {
    IOException f = failure;
    if (f != null) {
      failure = null;
      closed = true;
      throw f;
    }
    if (closed) {
      throw new EOFException("output stream closed");
    }
  }

  /** Sends what is pending; a failure is kept for {@link #ensureOpen} to report once. */
  private void drain() {
    ByteBuffer p = pending;
    if (p != null) {
      write(p);
      if (!p.hasRemaining()) {
        pending = null;
      }
    }
    if (pending == null && shutdown && channel.isOpen()) {
      try {
        channel.shutdownOutput();
      } catch (IOException e) {
        // the connection is gone: nothing is left to shut down
      }
    }
  }

  private void write(ByteBuffer buf) {
    try {
      channel.write(buf);
    } catch (ClosedChannelException e) {
      closed = true;
      pending = null;
    } catch (IOException e) {
      failure = e;
      pending = null;
    }
  }
}
