package dev.wasidl.wrpc;

import dev.wasidl.abi.Trap;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Instance;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Serves a plugin component's exports over wRPC/TCP: one connection per invocation (header,
 * parameters, then the results in one root frame and the connection closed). The plugin instance
 * lives on one thread of its own and runs one call at a time; connections are read and written on
 * virtual threads. A call that traps, an unknown function, or bytes that do not decode close the
 * connection without results (wRPC has no error frame); the client sees the connection end.
 *
 * <p>A call that traps leaves the plugin instance unusable, so the server instantiates the plugin
 * again (with the same {@code instantiate}) before the next call, and one hostile or unlucky
 * request cannot take the service down: the resource handles clients held are gone with the old
 * instance (using one is an unknown handle), and a request decoded for the old instance is refused
 * rather than run on the new one. With the linker's {@code callTimeout}, a call that never ends
 * becomes such a trap.
 *
 * <p>Abusive clients cost bounded resources ({@link ServerLimits}): each invocation has a total
 * deadline (a client trickling bytes is cut when it passes, and its call is cancelled if still
 * queued); at the connection cap the connection sending its request longest is shed for the
 * newcomer; parameters are decoded as their frames arrive, in one pass, refused as soon as a length
 * prefix claims more than the message limit, and what they hold is charged to a server-wide budget.
 * The accept loop outlives failed accepts (e.g. out of file descriptors): it sheds a connection,
 * backs off, logs once per episode and goes on until the server is closed.
 */
public final class Server implements AutoCloseable {
  /** Pending connections the kernel queues: a burst of clients waits rather than being refused. */
  private static final int BACKLOG = 4096;

  private final Listener listener;
  private final ExecutorService plugin;
  private final Component component;
  private final Callable<Instance> instantiate;
  // the instance calls run on, with what it serves; replaced on the plugin thread after a trap
  private volatile Plugin current;
  private final HandleTable handles;
  private final ServerLimits limits;
  private final Connections connections;
  private final Budget budget;
  private final PrintWriter log;
  private final Thread acceptor;
  private final Thread sweeper;
  // persistent sessions (Session) rather than a connection per invocation, and those open: the
  // sweeper does not see them (their client bounds each call), closing the server cuts them
  private final boolean sessions;
  private final Set<Connection> openSessions = ConcurrentHashMap.newKeySet();
  private volatile @Nullable Thread pluginThread;
  private volatile boolean closed;

  /** A plugin instance and the functions it serves. */
  private record Plugin(Instance instance, ServedExports exports) {}

  private Server(
      Listener listener,
      ExecutorService plugin,
      Component component,
      Callable<Instance> instantiate,
      Instance instance,
      ServerLimits limits,
      PrintWriter log,
      boolean sessions) {
    this.listener = listener;
    this.sessions = sessions;
    this.plugin = plugin;
    this.component = component;
    this.instantiate = instantiate;
    this.current = new Plugin(instance, new ServedExports(component, instance));
    this.handles = new HandleTable(1 << 20);
    this.limits = limits;
    this.connections = new Connections(limits.maxConnections());
    this.budget = new Budget(limits.maxInFlight());
    this.log = log;
    this.acceptor = Thread.ofPlatform().name("wrpc-accept").daemon().unstarted(this::acceptLoop);
    this.sweeper = Thread.ofPlatform().name("wrpc-deadlines").daemon().unstarted(this::sweepLoop);
  }

  /**
   * {@link #start(Component, Callable, SocketAddress, ServerLimits, PrintWriter)} with the default
   * limits and {@code deadline} per invocation.
   */
  public static Server start(
      Component component,
      Callable<Instance> instantiate,
      SocketAddress listen,
      Duration deadline,
      PrintWriter log)
      throws IOException {
    return start(
        component, instantiate, listen, ServerLimits.defaults().withDeadline(deadline), log);
  }

  /**
   * Instantiates the plugin (with {@code instantiate}, on the plugin's own thread) and serves its
   * exports on {@code listen}: a TCP address (port 0: any free port, see {@link #address()}) or a
   * Unix domain socket's path (a server only local users the path's directory admits can reach).
   *
   * @param log where failed invocations are reported, a line each
   */
  public static Server start(
      Component component,
      Callable<Instance> instantiate,
      SocketAddress listen,
      ServerLimits limits,
      PrintWriter log)
      throws IOException {
    return start(component, instantiate, listen, limits, log, false);
  }

  /**
   * As {@link #start(Component, Callable, SocketAddress, ServerLimits, PrintWriter)}, but each
   * accepted connection is a {@link Session}: invocations one after another on the one connection,
   * each run on the plugin's thread as it is read (a session holds the plugin while it lasts). Not
   * wRPC's transport: for a peer of wasidl's own, e.g. a wasi:dl worker's host.
   */
  public static Server startSessions(
      Component component,
      Callable<Instance> instantiate,
      SocketAddress listen,
      ServerLimits limits,
      PrintWriter log)
      throws IOException {
    return start(component, instantiate, listen, limits, log, true);
  }

  private static Server start(
      Component component,
      Callable<Instance> instantiate,
      SocketAddress listen,
      ServerLimits limits,
      PrintWriter log,
      boolean sessions)
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
    Listener listener;
    try {
      listener = Listener.bind(listen, BACKLOG);
    } catch (IOException e) {
      plugin.execute(instance::close);
      plugin.shutdown();
      throw e;
    }
    Server server =
        new Server(listener, plugin, component, instantiate, instance, limits, log, sessions);
    plugin.execute(() -> server.pluginThread = Thread.currentThread());
    server.acceptor.start();
    server.sweeper.start();
    return server;
  }

  /** The address the server listens on. */
  public InetSocketAddress address() {
    if (listener.address() instanceof InetSocketAddress inet) {
      return inet;
    }
    throw new IllegalStateException("the server listens on " + listener.address() + ", not TCP");
  }

  /** The address the server listens on: TCP, or a Unix domain socket. */
  public SocketAddress localAddress() {
    return listener.address();
  }

  /** {@code instance#name} of each function served. */
  public List<String> served() {
    return current.exports().names();
  }

  /** Resource handles clients hold now. */
  public int handleCount() {
    return handles.size();
  }

  /** Connections open now. */
  public int connectionCount() {
    return connections.size();
  }

  /** Bytes the decoded parameters of all connections hold now. */
  public long bytesInFlight() {
    return budget.used();
  }

  public ServerLimits limits() {
    return limits;
  }

  private void acceptLoop() {
    long backoffMillis = 0;
    long failures = 0;
    long lastFailure = 0;
    boolean refusing = false;
    boolean shedding = false;
    while (!closed) {
      Link s;
      try {
        s = listener.accept();
      } catch (IOException | RuntimeException e) {
        if (closed) {
          return;
        }
        // Out of descriptors (EMFILE, ENFILE) or another failure: free a descriptor if we can,
        // back off and try again; the server stops accepting only when it is closed. One line per
        // episode: a run of failures with less than a second of success between them.
        if (failures++ == 0) {
          report("accept failed: " + e.getMessage() + "; retrying until it works again");
        }
        lastFailure = System.nanoTime();
        boolean freed =
            String.valueOf(e.getMessage()).contains("open files")
                && connections.shedOne("shed: the server is out of file descriptors");
        backoffMillis = freed ? 1 : Math.min(Math.max(2 * backoffMillis, 5), 1000);
        try {
          Thread.sleep(backoffMillis);
        } catch (InterruptedException x) {
          return;
        }
        continue;
      }
      backoffMillis = 0;
      if (failures != 0 && System.nanoTime() - lastFailure > 1_000_000_000L) {
        report("accepting again after " + failures + " failed accepts");
        failures = 0;
      }
      long now = System.nanoTime();
      Connection c = new Connection(s, now, now + limits.deadline().toNanos());
      if (sessions) {
        openSessions.add(c);
        plugin.execute(() -> session(c));
        continue;
      }
      switch (connections.admit(c)) {
        case ADMITTED -> {
          refusing = false;
          shedding = false;
        }
        case SHED_ANOTHER -> {
          if (!shedding) {
            report(
                "at the cap of "
                    + limits.maxConnections()
                    + " connections: shedding the ones sending their request longest");
            shedding = true;
          }
        }
        case REFUSED -> {
          c.cut("refused", true);
          if (!refusing) {
            report(
                "at the cap of "
                    + limits.maxConnections()
                    + " connections, all busy with calls: refusing new ones");
            refusing = true;
          }
          continue;
        }
      }
      try {
        Thread.ofVirtual().name("wrpc-conn").start(() -> serve(c));
      } catch (RuntimeException | OutOfMemoryError e) {
        connections.remove(c);
        c.cut("no thread to serve it: " + e, false);
      }
    }
  }

  private void sweepLoop() {
    long tick = Math.clamp(limits.deadline().toMillis() / 20, 10, 250);
    String why = "cut at the deadline of " + limits.deadline().toMillis() + " ms per invocation";
    while (!closed) {
      try {
        Thread.sleep(tick);
      } catch (InterruptedException e) {
        return;
      }
      connections.sweep(System.nanoTime(), why);
    }
  }

  private void serve(Connection c) {
    // the instance this request is for: if the plugin is instantiated again meanwhile (after a
    // trap), the request is refused rather than run on the new one with the old one's handles
    Plugin p = current;
    String what = "invocation";
    HandleTable.CallHandles callHandles = handles.call();
    Budget.Charge charge = budget.open();
    Link s = c.link;
    try (s) {
      if (s instanceof Link.Tcp tcp) {
        // A safety net only: the deadline is the sweeper's.
        tcp.socket()
            .setSoTimeout(
                Math.toIntExact(Math.min(limits.deadline().toMillis(), Integer.MAX_VALUE)));
        tcp.socket().setTcpNoDelay(true);
      }
      InputStream in = new BufferedInputStream(s.in());
      OutputStream out = new BufferedOutputStream(s.out());
      Framing.Header h = Framing.readHeader(in);
      what = (h.instance().isEmpty() ? "" : h.instance() + "#") + h.name();
      byte[] results = invocation(c, p, h, in, callHandles, charge);
      if (!c.enter(Connection.Phase.WRITING)) {
        throw new SocketException("cut");
      }
      try {
        Framing.writeValues(out, results);
        out.flush();
        s.shutdownOutput();
      } catch (IOException e) {
        forget(p, callHandles);
        report(what + ": the client left before the results: " + why(c, e));
      }
    } catch (IOException | RuntimeException e) {
      forget(p, callHandles);
      if (!c.wasShed()) {
        report(what + ": " + why(c, e));
      }
    } finally {
      charge.release();
      connections.remove(c);
    }
  }

  /**
   * On the plugin thread: the invocations of one {@link Session}, until the client closes it (or
   * the server does). A failed invocation is answered with its reason and the session goes on.
   */
  private void session(Connection c) {
    Link s = c.link;
    try (s) {
      DataInputStream in = new DataInputStream(new BufferedInputStream(s.in()));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.out()));
      while (!closed) {
        byte[] request;
        try {
          request = Session.readMessage(in, limits.maxMessage());
        } catch (EOFException end) {
          return;
        }
        Plugin p = current;
        HandleTable.CallHandles callHandles = handles.call();
        Budget.Charge charge = budget.open();
        String what = "invocation";
        try {
          InputStream body = new ByteArrayInputStream(request);
          Framing.Header h = Framing.readHeader(body);
          what = (h.instance().isEmpty() ? "" : h.instance() + "#") + h.name();
          Session.writeResults(out, invocation(c, p, h, body, callHandles, charge));
        } catch (IOException | RuntimeException e) {
          forget(p, callHandles);
          String why = what + ": " + why(c, e);
          report(why);
          Session.writeFailure(out, why);
        } finally {
          charge.release();
          c.enter(Connection.Phase.READING);
        }
      }
    } catch (IOException e) {
      if (!closed) {
        report("session: " + why(c, e));
      }
    } finally {
      openSessions.remove(c);
    }
  }

  /** Runs the invocation {@code h} whose parameters follow in {@code in}: its encoded results. */
  private byte[] invocation(
      Connection c,
      Plugin p,
      Framing.Header h,
      InputStream in,
      HandleTable.CallHandles callHandles,
      Budget.Charge charge)
      throws IOException {
    Optional<ServedFunc> target = p.exports().lookup(h.instance(), h.name());
    if (target.isEmpty()) {
      throw new WrpcException("no such function");
    }
    return switch (target.get()) {
      case ServedFunc.Call call -> call(c, p, call, in, callHandles, charge);
      case ServedFunc.Drop d -> {
        Val own =
            Framing.readValues(
                    in, List.of(new OwnType(d.type())), callHandles, limits.maxMessage(), charge)
                .getFirst();
        onPlugin(
            c,
            p,
            () -> {
              p.instance().resourceDrop(d.type(), ((Val.Own) own).rep());
              return null;
            });
        yield new byte[0];
      }
    };
  }

  /** Why the connection ended: the server's reason if it cut it, else the failure's message. */
  private static String why(Connection c, Exception e) {
    String cut = c.cutBy();
    if (cut != null) {
      return cut;
    }
    return switch (e) {
      case SocketException x -> x.getMessage();
      case SocketTimeoutException x -> x.getMessage();
      case EOFException x -> x.getMessage();
      case WrpcException x -> x.getMessage();
      default -> e.toString();
    };
  }

  private byte[] call(
      Connection c,
      Plugin p,
      ServedFunc.Call call,
      InputStream in,
      HandleTable.CallHandles callHandles,
      Budget.Charge charge)
      throws IOException {
    List<Type> paramTypes = call.func().type().paramTypes();
    List<Val> params = Framing.readValues(in, paramTypes, callHandles, limits.maxMessage(), charge);
    List<Type> resultTypes = call.func().type().resultTypes();
    // encoded on the plugin thread too: the handles results hand out are made before any restart
    // could clear the table, so none outlives the instance it names
    return onPlugin(
        c,
        p,
        () -> {
          Optional<Val> result = call.func().call(params);
          return Framing.encodeValues(
              resultTypes, result.map(List::of).orElse(List.of()), callHandles);
        });
  }

  /**
   * Runs {@code task} on the plugin for {@code c}, on instance {@code p}: skipped if {@code c} is
   * cut while queued, refused if the plugin was instantiated again since {@code p}.
   */
  private <T> T onPlugin(Connection c, Plugin p, Callable<T> task) throws IOException {
    if (!c.enter(Connection.Phase.CALLING)) {
      throw new SocketException("cut");
    }
    if (Thread.currentThread() == pluginThread) {
      try {
        return onInstance(p, task); // a session's invocation, already on the plugin
      } catch (Trap t) {
        throw new IOException("the plugin trapped: " + t.getMessage(), t);
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
    try {
      return await(plugin.submit(c.guard(() -> onInstance(p, task))));
    } catch (CancellationException e) {
      throw new SocketException("the call was cancelled before it ran: " + e.getMessage());
    }
  }

  /**
   * On the plugin thread: {@code task} on {@code p} if it is still the plugin's instance; when it
   * traps, the plugin is instantiated again for the calls after it.
   */
  @SuppressWarnings("ReferenceEquality") // the very instance the request was read for
  private <T> T onInstance(Plugin p, Callable<T> task) throws Exception {
    if (current == p && p.instance().isClosed() && !closed) {
      restart(p, "instantiating it again failed before"); // try again
    }
    if (current != p) {
      throw new SocketException(
          "the plugin was instantiated again after a trap since this request arrived");
    }
    try {
      return task.call();
    } catch (Trap t) {
      restart(p, "it trapped: " + t.getMessage());
      throw t;
    }
  }

  /** Replaces the instance that trapped with a new one (on the plugin thread). */
  private void restart(Plugin trapped, String why) {
    report("instantiating the plugin again: " + why);
    trapped.instance().close();
    handles.clear();
    try {
      Instance fresh = instantiate.call();
      current = new Plugin(fresh, new ServedExports(component, fresh));
    } catch (Exception | StackOverflowError e) {
      // this call fails; the next one tries again
      report("instantiating the plugin again failed: " + e);
    }
  }

  /** Drops what a call created on {@code p} that never reached its client. */
  private void forget(Plugin p, HandleTable.CallHandles callHandles) {
    for (HandleTable.Entry e : handles.forget(callHandles.created)) {
      try {
        await(
            plugin.submit(
                () ->
                    onInstance(
                        p,
                        () -> {
                          p.instance().resourceDrop(e.type(), e.rep());
                          return null;
                        })));
      } catch (IOException | RuntimeException x) {
        report("dropping an unsent " + e.type() + ": " + x);
      }
    }
  }

  private static <T> T await(Future<T> f) throws IOException {
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
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    sweeper.interrupt();
    connections.cutAll("the server is closing");
    openSessions.forEach(c -> c.cut("the server is closing", false));
    plugin.execute(() -> current.instance().close());
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
