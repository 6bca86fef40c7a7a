package dev.wasidl.runtime;

import dev.wasidl.graal.GraalStore;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A running call's time limit ({@link Linker#callTimeout}): when it passes before {@link #close},
 * one shared watchdog thread {@link GraalStore#interrupt interrupts} the store, and the call fails
 * with a trap naming the limit. Made only when a limit is set, so calls without one pay nothing.
 */
final class Deadline implements AutoCloseable {
  private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

  private final GraalStore store;
  private final String reason;
  private final ScheduledFuture<?> timer;
  private boolean running = true; // guarded by this: the watchdog never interrupts a later call

  private Deadline(GraalStore store, String reason, Duration limit) {
    this.store = store;
    this.reason = reason;
    this.timer = WATCHDOG.schedule(this::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** A deadline for {@code what} in {@code store}, or null when {@code limit} is null. */
  static @Nullable Deadline start(GraalStore store, @Nullable Duration limit, String what) {
    if (limit == null) {
      return null;
    }
    return new Deadline(
        store,
        what
            + " ran longer than its time limit of "
            + describe(limit)
            + " (Linker.callTimeout; wasidl run --timeout, or -W timeout=)",
        limit);
  }

  private synchronized void expire() {
    if (running) {
      store.interrupt(reason);
    }
  }

  /** The call is over: the limit no longer applies (waits for an interrupt under way to finish). */
  @Override
  public synchronized void close() {
    running = false;
    timer.cancel(false);
  }

  static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static ScheduledThreadPoolExecutor watchdog() {
    ScheduledThreadPoolExecutor e =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "wasidl-deadline");
              t.setDaemon(true);
              return t;
            });
    e.setRemoveOnCancelPolicy(true);
    return e;
  }
}
