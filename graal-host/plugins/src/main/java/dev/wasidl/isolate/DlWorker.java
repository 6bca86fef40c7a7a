package dev.wasidl.isolate;

import dev.wasidl.types.Val;
import dev.wasidl.wrpc.Endpoint;
import dev.wasidl.wrpc.Session;
import dev.wasidl.wrpc.WrpcException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The worker process behind a {@link DlIsolation}, as the wRPC plug sees it: started on the first
 * call and again on the first call after it died, each time a new {@link #generation()} (handles
 * the dead one made are refused, never sent to the new one), and when a call fails, what happened
 * to it in words: the signal and native frame of a crash, or a native call that outlived the time
 * limit (the worker is then killed, since a native call cannot be stopped).
 */
final class DlWorker implements Endpoint {
  /** How long a worker JVM may take to start. */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final Path dir;
  private final Duration timeout;
  private final List<String> limits;
  private final CallNames names = new CallNames();
  private @Nullable Process process;
  private @Nullable OutputStream lifeline;
  private @Nullable Session session;
  private long generation;
  private int crashes;

  DlWorker(Path dir, Duration timeout, List<String> limits) {
    this.dir = dir;
    this.timeout = timeout;
    this.limits = List.copyOf(limits);
  }

  @Override
  public synchronized Target target() throws IOException {
    if (process == null || !process.isAlive()) {
      start();
    }
    return new Target(UnixDomainSocketAddress.of(socket()), generation);
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  /** On the worker's session: one connection for every call, not one per call. */
  @Override
  public InputStream call(SocketAddress server, byte[] invocation) throws IOException {
    Session s;
    synchronized (this) {
      if (session == null || session.isBroken() || !session.address().equals(server)) {
        if (session != null) {
          session.close();
        }
        session = Session.open(server, timeout);
      }
      s = session;
    }
    return s.call(invocation);
  }

  @Override
  public synchronized long generation() {
    return generation;
  }

  synchronized Optional<Long> pid() {
    return process != null && process.isAlive() ? Optional.of(process.pid()) : Optional.empty();
  }

  synchronized int crashes() {
    return crashes;
  }

  @Override
  public void returned(Call call, Optional<Val> result) {
    names.returned(call, result);
  }

  @Override
  public void dropped(int rep) {
    names.dropped(rep);
  }

  @Override
  public String failure(Call call, IOException e) {
    Process p;
    synchronized (this) {
      p = process;
    }
    if (p == null || e instanceof WrpcException) {
      return Endpoint.describe(e); // the worker answered: it could not run the call
    }
    try {
      // a crash closes the connection as the process ends: it is gone by now, or nearly
      if (p.waitFor(300, TimeUnit.MILLISECONDS)) {
        NativeCrash crash = NativeCrash.of(p.exitValue(), report());
        gone(p);
        return crash.describe()
            + " during "
            + names.describe(call)
            + "; the wasi:dl worker (pid "
            + p.pid()
            + ") ended with every handle it held, and the next wasi:dl call starts a new one";
      }
    } catch (InterruptedException x) {
      Thread.currentThread().interrupt();
    }
    if (e instanceof SocketTimeoutException || e instanceof ClosedByInterruptException) {
      // the native call runs on, and would hold up every later call: end it with its worker
      p.destroyForcibly();
      try {
        p.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
      }
      gone(p);
      return names.describe(call)
          + " did not return within "
          + timeout.toMillis()
          + " ms: the wasi:dl worker (pid "
          + p.pid()
          + ") was killed with every handle it held, and the next wasi:dl call starts a new one";
    }
    return Endpoint.describe(e);
  }

  /** Forgets {@code p} if it is still the current worker: the next call starts another. */
  @SuppressWarnings("ReferenceEquality") // that very process
  private synchronized void gone(Process p) {
    if (process == p) {
      process = null;
      crashes++;
    }
  }

  private @Nullable String report() {
    try {
      Path r = errorReport();
      return Files.exists(r) ? Files.readString(r, StandardCharsets.ISO_8859_1) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private Path socket() {
    return dir.resolve("worker-" + generation + ".sock");
  }

  private Path errorReport() {
    return dir.resolve("hs_err-" + generation + ".log");
  }

  private void start() throws IOException {
    stop();
    generation++;
    Files.deleteIfExists(socket());
    Files.deleteIfExists(errorReport());
    Path stderr = dir.resolve("stderr-" + generation + ".log");
    List<String> args =
        new ArrayList<>(List.of(socket().toString(), dir.resolve("policy").toString()));
    args.addAll(limits);
    args.add(Long.toString(timeout.toMillis()));
    Process p =
        new ProcessBuilder(WorkerCommand.of(DlWorkerMain.class, errorReport(), args))
            .redirectError(stderr.toFile())
            .start();
    // the worker ends when this stream closes: when this JVM ends, however it ends
    lifeline = p.getOutputStream();
    // the worker's output up to its ready line (a JVM may warn before it), then drained unread
    CompletableFuture<@Nullable String> ready = new CompletableFuture<>();
    Thread.startVirtualThread(
        () -> {
          try (BufferedReader out =
              new BufferedReader(
                  new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(DlWorkerMain.READY)) {
              // not yet
            }
            ready.complete(line);
            out.transferTo(Writer.nullWriter());
          } catch (IOException e) {
            ready.complete(null);
          }
        });
    String line;
    try {
      line = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      line = null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      line = null;
    }
    if (!DlWorkerMain.READY.equals(line)) {
      p.destroyForcibly();
      throw new IOException(
          "the wasi:dl worker did not start: "
              + tail(stderr)
              + " (command: java ... DlWorkerMain)");
    }
    process = p;
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return lines.isEmpty()
          ? "no output"
          : String.join(" / ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "no output";
    }
  }

  /** Ends the current worker, if any. */
  synchronized void stop() {
    if (session != null) {
      session.close();
      session = null;
    }
    if (lifeline != null) {
      try {
        lifeline.close();
      } catch (IOException e) {
        // it is ending anyway
      }
      lifeline = null;
    }
    if (process != null) {
      process.destroyForcibly();
      process = null;
    }
  }
}
