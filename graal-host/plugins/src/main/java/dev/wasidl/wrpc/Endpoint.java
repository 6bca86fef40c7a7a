package dev.wasidl.wrpc;

import dev.wasidl.types.Val;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The wRPC server a {@link RemotePlug} calls: where it is, how long a call may take, and what a
 * failure means. A fixed address ({@link #of}) is a server someone else runs; a server the host
 * starts itself (a wasi:dl worker process) can be started on demand, replaced when it dies (a new
 * {@link #generation()}: handles the old one made are gone) and explain its failures.
 */
public interface Endpoint {
  /** One call to the server, as the app made it. */
  record Call(String instance, String function, List<Val> args) {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** A server to call: where it is, and which generation of the endpoint's servers it is. */
  record Target(SocketAddress address, long generation) {}

  /** The server for the next call, starting one if need be. */
  Target target() throws IOException;

  /** How long a call may wait for the server. */
  Duration timeout();

  /** Changes whenever the server is replaced: handles an earlier one made are gone. */
  default long generation() {
    return 0;
  }

  /**
   * Sends one invocation (its {@link Framing#header} and parameter frame) to the server at {@code
   * server} and returns its results as the server sends them. The default opens a connection for
   * the invocation, as wRPC's TCP transport does; a server of wasidl's own may keep a {@link
   * Session} instead.
   */
  default InputStream call(SocketAddress server, byte[] invocation) throws IOException {
    Link link = Link.connect(server, timeout());
    try {
      OutputStream out = new BufferedOutputStream(link.out());
      out.write(invocation);
      out.flush();
      link.shutdownOutput();
      return new FilterInputStream(new BufferedInputStream(link.in())) {
        @Override
        public void close() throws IOException {
          link.close();
        }
      };
    } catch (IOException e) {
      link.close();
      throw e;
    }
  }

  /** The message for {@code call}, which failed with {@code e}. */
  default String failure(Call call, IOException e) {
    return describe(e);
  }

  /** After {@code call} returned {@code result}. */
  default void returned(Call call, Optional<Val> result) {}

  /** After the app dropped its handle {@code rep}. */
  default void dropped(int rep) {}

  /** A server at {@code address}, each call waiting at most {@code timeout}. */
  static Endpoint of(SocketAddress address, Duration timeout) {
    return new Endpoint() {
      @Override
      public Target target() {
        return new Target(address, 0);
      }

      @Override
      public Duration timeout() {
        return timeout;
      }
    };
  }

  /** What a connection failure means, in words. */
  static String describe(IOException e) {
    return switch (e) {
      case ConnectException c -> "cannot connect to the wRPC server: " + c.getMessage();
      case SocketTimeoutException t -> "the wRPC server did not answer in time";
      case EOFException eof -> "the wRPC server closed the connection without a result";
      case WrpcException w -> "wRPC: " + w.getMessage();
      default -> "wRPC connection failed: " + e.getMessage();
    };
  }
}
