package dev.wasidl.wrpc;

import dev.wasidl.abi.Trap;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Instance;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Serves a plugin component's exports over wRPC/TCP: one connection per invocation (header,
 * parameters, then the results in one root frame and the connection closed). The plugin instance
 * lives on one thread of its own and runs one call at a time; connections are read and written on
 * virtual threads, each with a read timeout, so a client that stalls or disconnects mid-call costs
 * only its own connection. A call that traps, an unknown function, or bytes that do not decode
 * close the connection without results (wRPC has no error frame); the client sees the connection
 * end.
 */
public final class Server implements AutoCloseable {
  private final ServerSocket socket;
  private final ExecutorService plugin;
  private final Instance instance;
  private final ServedExports exports;
  private final HandleTable handles;
  private final Duration timeout;
  private final PrintWriter log;
  private final Thread acceptor;
  private volatile boolean closed;

  private Server(
      ServerSocket socket,
      ExecutorService plugin,
      Instance instance,
      ServedExports exports,
      Duration timeout,
      PrintWriter log) {
    this.socket = socket;
    this.plugin = plugin;
    this.instance = instance;
    this.exports = exports;
    this.handles = new HandleTable(1 << 20);
    this.timeout = timeout;
    this.log = log;
    this.acceptor = Thread.ofPlatform().name("wrpc-accept").daemon().unstarted(this::acceptLoop);
  }

  /**
   * Instantiates the plugin (with {@code instantiate}, on the plugin's own thread) and serves its
   * exports on {@code listen} (port 0: any free port, see {@link #address()}).
   *
   * @param log where failed invocations are reported, a line each
   */
  public static Server start(
      Component component,
      Callable<Instance> instantiate,
      InetSocketAddress listen,
      Duration timeout,
      PrintWriter log)
      throws IOException {
    ExecutorService plugin =
        Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("wrpc-plugin").daemon().unstarted(r));
    Instance instance;
    try {
      instance = plugin.submit(instantiate).get();
    } catch (ExecutionException e) {
      plugin.shutdownNow();
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (InterruptedException e) {
      plugin.shutdownNow();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while instantiating the plugin", e);
    }
    ServerSocket socket = new ServerSocket();
    try {
      socket.bind(listen);
    } catch (IOException e) {
      socket.close();
      plugin.execute(instance::close);
      plugin.shutdown();
      throw e;
    }
    Server server =
        new Server(socket, plugin, instance, new ServedExports(component, instance), timeout, log);
    server.acceptor.start();
    return server;
  }

  /** The address the server listens on. */
  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** {@code instance#name} of each function served. */
  public List<String> served() {
    return exports.names();
  }

  /** Resource handles clients hold now. */
  public int handleCount() {
    return handles.size();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = socket.accept();
      } catch (IOException e) {
        if (!closed) {
          report("accept failed: " + e);
        }
        return;
      }
      Thread.ofVirtual().name("wrpc-conn").start(() -> serve(s));
    }
  }

  private void serve(Socket s) {
    String what = "invocation";
    HandleTable.CallHandles callHandles = handles.call();
    try (s) {
      s.setSoTimeout(Math.toIntExact(timeout.toMillis()));
      s.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = new BufferedOutputStream(s.getOutputStream());
      Framing.Header h = Framing.readHeader(in);
      what = (h.instance().isEmpty() ? "" : h.instance() + "#") + h.name();
      Optional<ServedFunc> target = exports.lookup(h.instance(), h.name());
      if (target.isEmpty()) {
        report(what + ": no such function");
        return;
      }
      byte[] results =
          switch (target.get()) {
            case ServedFunc.Call c -> call(c, in, callHandles);
            case ServedFunc.Drop d -> {
              Val own =
                  Framing.readValues(in, List.of(new OwnType(d.type())), callHandles).getFirst();
              onPlugin(
                  () -> {
                    instance.resourceDrop(d.type(), ((Val.Own) own).rep());
                    return null;
                  });
              yield new byte[0];
            }
          };
      try {
        Framing.writeValues(out, results);
        out.flush();
        s.shutdownOutput();
      } catch (IOException e) {
        forget(callHandles);
        report(what + ": the client left before the results: " + e.getMessage());
      }
    } catch (SocketException | java.net.SocketTimeoutException | java.io.EOFException e) {
      forget(callHandles);
      report(what + ": " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      forget(callHandles);
      report(what + ": " + e);
    }
  }

  private byte[] call(ServedFunc.Call c, InputStream in, HandleTable.CallHandles callHandles)
      throws IOException {
    List<Type> paramTypes = c.func().type().paramTypes();
    List<Val> params = Framing.readValues(in, paramTypes, callHandles);
    Optional<Val> result = onPlugin(() -> c.func().call(params));
    List<Type> resultTypes = c.func().type().resultTypes();
    return Framing.encodeValues(resultTypes, result.map(List::of).orElse(List.of()), callHandles);
  }

  /** Drops what a call created that never reached its client. */
  private void forget(HandleTable.CallHandles callHandles) {
    for (HandleTable.Entry e : handles.forget(callHandles.created)) {
      try {
        onPlugin(
            () -> {
              instance.resourceDrop(e.type(), e.rep());
              return null;
            });
      } catch (IOException | RuntimeException x) {
        report("dropping an unsent " + e.type() + ": " + x);
      }
    }
  }

  private <T> T onPlugin(Callable<T> task) throws IOException {
    Future<T> f = plugin.submit(task);
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Trap t) {
        throw new IOException("the plugin trapped: " + t.getMessage(), t);
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(cause);
    } catch (InterruptedException e) {
      f.cancel(false);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private void report(String line) {
    synchronized (log) {
      log.println("wasidl serve: " + line);
      log.flush();
    }
  }

  /** Stops accepting, then closes the plugin instance once its running call is done. */
  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    plugin.execute(instance::close);
    plugin.shutdown();
    try {
      if (!plugin.awaitTermination(10, TimeUnit.SECONDS)) {
        plugin.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
