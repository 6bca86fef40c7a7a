package dev.wasidl.wasi;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The input stream of a connected TCP socket: non-blocking reads from the channel. Its pollable
 * probes the channel with a read whose bytes it keeps for the next {@link #read}, so readiness is
 * the channel's own; {@link #blockingRead} waits on a selector.
 */
final class TcpInputStream implements HostInputStream {
  private static final int CHUNK = 64 * 1024;
  private static final byte[] NONE = new byte[0];

  private final SocketChannel channel;
  private @Nullable ByteBuffer probed; // bytes read by a readiness probe, in read mode
  private boolean ended; // end of stream seen, shut down, or failure reported
  private @Nullable IOException failure;
  private @Nullable Selector selector;

  TcpInputStream(SocketChannel channel) {
    this.channel = channel;
  }

  @Override
  public byte[] read(int len) throws IOException {
    ByteBuffer p = probed;
    if (p != null && p.hasRemaining()) {
      byte[] out = new byte[Math.min(len, p.remaining())];
      p.get(out);
      return out;
    }
    ensureOpen();
    if (len == 0) {
      return NONE;
    }
    ByteBuffer buf = ByteBuffer.allocate(Math.min(len, CHUNK));
    int n = fill(buf);
    if (n <= 0) {
      ensureOpen();
      return NONE;
    }
    return Arrays.copyOf(buf.array(), n);
  }

  @Override
  public byte[] blockingRead(int len) throws IOException {
    while (true) {
      byte[] bytes = read(len);
      if (bytes.length > 0 || len == 0) {
        return bytes;
      }
      awaitReadable();
    }
  }

  @Override
  public HostPollable pollable() {
    return this::ready;
  }

  /** Ready when bytes are buffered or the channel has some, or at the end or a failure. */
  boolean ready() {
    ByteBuffer p = probed;
    if ((p != null && p.hasRemaining()) || ended || failure != null) {
      return true;
    }
    ByteBuffer buf = ByteBuffer.allocate(CHUNK);
    int n = fill(buf);
    if (n > 0) {
      buf.flip();
      probed = buf;
      return true;
    }
    return n < 0;
  }

  /** {@code shutdown(receive)}: what is buffered is discarded and reads report the end. */
  void shutdown() throws IOException {
    probed = null;
    ended = true;
    if (channel.isOpen()) {
      channel.shutdownInput();
    }
  }

  /**
   * The stream or its socket is dropped: the stream ends and releases its selector; the channel is
   * closed by the socket.
   */
  @Override
  public void close() {
    ended = true;
    probed = null;
    Selector s = selector;
    selector = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // nothing more to release
      }
    }
  }

  private void ensureOpen() throws IOException {
    IOException f = failure;
    if (f != null) {
      failure = null;
      ended = true;
      throw f;
    }
    if (ended) {
      throw new EOFException("end of stream");
    }
  }

  /**
   * Reads into {@code buf}: the count, 0 when nothing is available, -1 at the end or on a failure
   * (kept for {@link #ensureOpen} to report once).
   */
  private int fill(ByteBuffer buf) {
    try {
      int n = channel.read(buf);
      if (n < 0) {
        ended = true;
      }
      return n;
    } catch (ClosedChannelException e) {
      ended = true;
      return -1;
    } catch (IOException e) {
      failure = e;
      return -1;
    }
  }

  private void awaitReadable() throws IOException {
    if (!channel.isOpen()) {
      return;
    }
    Selector s = selector;
    if (s == null) {
      s = Selector.open();
      channel.register(s, SelectionKey.OP_READ);
      selector = s;
    }
    s.select(k -> {}, 1000);
  }
}
