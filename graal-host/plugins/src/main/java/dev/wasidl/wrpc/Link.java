package dev.wasidl.wrpc;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One invocation's stream connection: TCP, or a Unix domain socket (a local server only its owner
 * can reach, e.g. a wasi:dl worker). Reads time out on both: TCP by {@code SO_TIMEOUT}, a Unix
 * socket (whose channel has no read timeout) by closing it at the deadline.
 */
sealed interface Link extends Closeable {
  InputStream in() throws IOException;

  OutputStream out() throws IOException;

  /** Ends the request: the server reads end of stream after it. */
  void shutdownOutput() throws IOException;

  /**
   * Connects to {@code address}; a call on the link that is not done within {@code timeout} fails
   * with a {@link SocketTimeoutException}.
   */
  static Link connect(SocketAddress address, Duration timeout) throws IOException {
    int millis = Math.toIntExact(Math.min(timeout.toMillis(), Integer.MAX_VALUE));
    return switch (address) {
      case InetSocketAddress inet -> {
        Socket s = new Socket();
        try {
          s.connect(inet, millis);
          s.setSoTimeout(millis);
          s.setTcpNoDelay(true);
        } catch (IOException e) {
          s.close();
          throw e;
        }
        yield new Tcp(s);
      }
      case UnixDomainSocketAddress unix -> {
        SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
          c.connect(unix);
        } catch (IOException e) {
          c.close();
          throw e;
        }
        Unix link = new Unix(c);
        link.arm(timeout);
        yield link;
      }
      default -> throw new IOException("not a TCP or Unix domain socket address: " + address);
    };
  }

  /** A TCP connection. */
  record Tcp(Socket socket) implements Link {
    @Override
    public InputStream in() throws IOException {
      return socket.getInputStream();
    }

    @Override
    public OutputStream out() throws IOException {
      return socket.getOutputStream();
    }

    @Override
    public void shutdownOutput() throws IOException {
      socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** A Unix domain socket connection. */
  final class Unix implements Link {
    // Links with a deadline; one watchdog checks them every WATCH_MILLIS, so arming a call costs
    // a field write, not a timer task (whose scheduling and cancelling wake a thread each call).
    private static final Set<Unix> ARMED = ConcurrentHashMap.newKeySet();
    private static final long WATCH_MILLIS = 20;

    static {
      Thread.ofPlatform().name("wrpc-unix-deadlines").daemon().start(Unix::watch);
    }

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private volatile boolean expired;
    // System.nanoTime() past which the call in flight is cut; 0 when none is
    private volatile long deadlineNanos;

    /** An accepted connection: the server bounds it with its own deadline sweep. */
    Unix(SocketChannel channel) {
      this.channel = channel;
      this.in = new Expiring(Channels.newInputStream(channel));
      this.out = Channels.newOutputStream(channel);
    }

    /** Cuts the connection if the next {@code timeout} does not see it {@link #disarm}ed. */
    void arm(Duration timeout) {
      expired = false;
      deadlineNanos = System.nanoTime() + timeout.toNanos();
      ARMED.add(this);
    }

    void disarm() {
      deadlineNanos = 0;
    }

    private static void watch() {
      while (true) {
        try {
          Thread.sleep(WATCH_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
        long now = System.nanoTime();
        for (Unix u : ARMED) {
          long d = u.deadlineNanos;
          if (d != 0 && now - d > 0) {
            u.expire();
          }
        }
      }
    }

    private void expire() {
      expired = true;
      try {
        channel.close();
      } catch (IOException e) {
        // closed anyway
      }
    }

    @Override
    public InputStream in() {
      return in;
    }

    @Override
    public OutputStream out() {
      return out;
    }

    @Override
    public void shutdownOutput() throws IOException {
      channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
      disarm();
      ARMED.remove(this);
      channel.close();
    }

    /** Turns the failure of a read cut at the deadline into the timeout it is. */
    private final class Expiring extends InputStream {
      private final InputStream in;

      Expiring(InputStream in) {
        this.in = in;
      }

      @Override
      public int read() throws IOException {
        try {
          return in.read();
        } catch (IOException e) {
          throw expired ? timedOut(e) : e;
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return in.read(b, off, len);
        } catch (IOException e) {
          throw expired ? timedOut(e) : e;
        }
      }

      private static SocketTimeoutException timedOut(IOException cause) {
        SocketTimeoutException t = new SocketTimeoutException("read timed out");
        t.initCause(cause);
        return t;
      }
    }
  }
}
