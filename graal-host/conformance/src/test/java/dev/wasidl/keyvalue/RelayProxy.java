package dev.wasidl.keyvalue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay between a wRPC client and server, one invocation per connection: it relays
 * connections until the {@code at}-th, where it plays a failure: {@link Failure#KILL} passes the
 * request on, then kills the server before its answer is relayed (the server dies mid-call, as the
 * client sees it); {@link Failure#STALL} takes the request and never answers.
 */
final class RelayProxy implements AutoCloseable {
  enum Failure {
    KILL,
    STALL
  }

  private final ServerSocket socket;
  private final InetSocketAddress target;
  private final int at;
  private final Failure failure;
  private final Runnable kill;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Socket> stalled = new ArrayList<>();
  private final Thread thread;

  RelayProxy(InetSocketAddress target, int at, Failure failure, Runnable kill) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.target = target;
    this.at = at;
    this.failure = failure;
    this.kill = kill;
    this.thread = Thread.ofPlatform().daemon().start(this::loop);
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** Connections accepted so far. */
  int connections() {
    return connections.get();
  }

  private void loop() {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        return;
      }
      int n = connections.incrementAndGet();
      try {
        byte[] request = client.getInputStream().readAllBytes();
        if (n == at && failure == Failure.STALL) {
          synchronized (stalled) {
            stalled.add(client);
          }
          continue;
        }
        try (client;
            Socket server = new Socket()) {
          server.connect(target, 5000);
          OutputStream out = server.getOutputStream();
          out.write(request);
          out.flush();
          server.shutdownOutput();
          if (n == at) {
            kill.run();
            continue;
          }
          InputStream in = server.getInputStream();
          client.getOutputStream().write(in.readAllBytes());
        }
      } catch (IOException e) {
        // the client sees its connection end
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    synchronized (stalled) {
      for (Socket s : stalled) {
        s.close();
      }
    }
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
