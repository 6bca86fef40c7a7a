package dev.wasidl.runtime;

import dev.wasidl.graal.GraalStore;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A component instance's time limit ({@link Linker#callTimeout}), checked as wasmtime checks epoch
 * deadlines: a call {@link #arm arms} it (one clock read and a volatile write, no allocation) and
 * {@link #disarm disarms} it (a compare-and-set); one watchdog thread, ticking every {@value
 * #TICK_MILLIS} ms, {@link GraalStore#interrupt interrupts} the store of a call past its limit,
 * which then fails with a trap naming the limit. Instances without a limit have none and pay
 * nothing.
 *
 * <p>The watchdog holds deadlines weakly: an instance dropped without {@code close} is collected as
 * before. It interrupts only the call it saw expire: it claims the deadline with a compare-and-set
 * of that call's expiry under the deadline's lock, and a call that ends meanwhile waits on the lock
 * before it can start another.
 */
final class Deadline {
  static final long TICK_MILLIS = 10;
  private static final long IDLE = 0;
  private static final long FIRING = -1;
  private static final VarHandle EXPIRES;
  private static final Set<WeakReference<Deadline>> WATCHED = ConcurrentHashMap.newKeySet();

  static {
    try {
      EXPIRES = MethodHandles.lookup().findVarHandle(Deadline.class, "expires", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final GraalStore store;
  private final String owner; // the instance (or the component being instantiated)
  private final long limitNanos;
  private final String limitText;
  private final WeakReference<Deadline> self = new WeakReference<>(this);

  // System.nanoTime() past which the running call is over its limit; IDLE when none runs
  @SuppressWarnings("UnusedVariable") // through EXPIRES
  private volatile long expires;

  // the running call's function, null for an instantiation (published by the write of expires)
  private @Nullable String func;

  private Deadline(GraalStore store, String owner, Duration limit) {
    this.store = store;
    this.owner = owner;
    this.limitNanos = limit.toNanos();
    this.limitText = describe(limit);
    WATCHED.add(self);
    if (!Watchdog.start()) {
      throw new IllegalStateException("the deadline watchdog stopped");
    }
  }

  /**
   * The limit of calls into {@code owner}'s {@code store}, watched until {@link #close}; null for
   * no limit.
   */
  static @Nullable Deadline of(GraalStore store, String owner, @Nullable Duration limit) {
    return limit == null ? null : new Deadline(store, owner, limit);
  }

  /**
   * A call of {@code func} (null: the instantiation) starts; returns the expiry to {@link #disarm}
   * with.
   */
  long arm(@Nullable String func) {
    this.func = func;
    long e = System.nanoTime() + limitNanos;
    if (e == IDLE || e == FIRING) {
      e = 1;
    }
    EXPIRES.setVolatile(this, e);
    return e;
  }

  /** The call armed with {@code e} is over: if the watchdog is interrupting it, waits for that. */
  void disarm(long e) {
    if (!EXPIRES.compareAndSet(this, e, IDLE)) {
      synchronized (this) {
        EXPIRES.setVolatile(this, IDLE);
      }
    }
  }

  /** No more calls: the watchdog forgets it. */
  void close() {
    WATCHED.remove(self);
  }

  private void check(long now) {
    long e = (long) EXPIRES.getVolatile(this);
    if (e == IDLE || e == FIRING || now - e < 0) {
      return;
    }
    synchronized (this) {
      if (EXPIRES.compareAndSet(this, e, FIRING)) {
        String f = func;
        store.interrupt(
            (f == null ? "instantiation of " + owner : "call of " + f + " in " + owner)
                + " ran longer than its time limit of "
                + limitText
                + " (Linker.callTimeout; wasidl run --timeout, or -W timeout=)");
      }
    }
  }

  private static void tick() {
    long now = System.nanoTime();
    for (Iterator<WeakReference<Deadline>> i = WATCHED.iterator(); i.hasNext(); ) {
      Deadline d = i.next().get();
      if (d == null) {
        i.remove(); // its instance was dropped without close
        continue;
      }
      try {
        d.check(now);
      } catch (RuntimeException e) {
        // one store failing to interrupt must not stop the watchdog for the others
      }
    }
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** The watchdog thread, started with the first deadline: a daemon ticking for ever after. */
  private static final class Watchdog {
    private static final ScheduledFuture<?> TICKS;

    static {
      ScheduledThreadPoolExecutor e =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "wasidl-deadlines");
                t.setDaemon(true);
                return t;
              });
      TICKS =
          e.scheduleWithFixedDelay(Deadline::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private Watchdog() {}

    /** Loads the class, and so starts the thread, once; whether it still ticks. */
    static boolean start() {
      return !TICKS.isDone();
    }
  }
}
