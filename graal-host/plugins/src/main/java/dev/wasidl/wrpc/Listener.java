package dev.wasidl.wrpc;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;

/** Where a server accepts its invocations: a TCP port, or a Unix domain socket (a path). */
sealed interface Listener extends Closeable {
  Link accept() throws IOException;

  SocketAddress address();

  /** Listens on {@code address} with a queue of {@code backlog} pending connections. */
  static Listener bind(SocketAddress address, int backlog) throws IOException {
    return switch (address) {
      case InetSocketAddress inet -> {
        ServerSocket s = new ServerSocket();
        try {
          s.bind(inet, backlog);
        } catch (IOException e) {
          s.close();
          throw e;
        }
        yield new Tcp(s);
      }
      case UnixDomainSocketAddress unix -> {
        ServerSocketChannel c = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
          c.bind(unix, backlog);
        } catch (IOException e) {
          c.close();
          throw e;
        }
        yield new Unix(c, unix);
      }
      default -> throw new IOException("not a TCP or Unix domain socket address: " + address);
    };
  }

  /** A TCP port. */
  record Tcp(ServerSocket socket) implements Listener {
    @Override
    public Link accept() throws IOException {
      return new Link.Tcp(socket.accept());
    }

    @Override
    public SocketAddress address() {
      return socket.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** A Unix domain socket; closing it removes its file. */
  record Unix(ServerSocketChannel channel, UnixDomainSocketAddress address) implements Listener {
    @Override
    public Link accept() throws IOException {
      return new Link.Unix(channel.accept());
    }

    @Override
    public void close() throws IOException {
      try {
        channel.close();
      } finally {
        Files.deleteIfExists(address.getPath());
      }
    }
  }
}
