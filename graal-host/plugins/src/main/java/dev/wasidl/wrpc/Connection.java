package dev.wasidl.wrpc;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;

/**
 * One client's invocation as the server tracks it: when it must be done, what it is doing (only a
 * connection still sending its request may be shed), and why it was cut, if it was. Cutting closes
 * the link, which ends a blocked read at once; a plugin call still queued for a cut connection does
 * not run ({@link #guard}); one already running finishes (the plugin cannot be stopped mid-call)
 * and its results are dropped.
 */
final class Connection {
  enum Phase {
    /** Sending its header and parameters. */
    READING,
    /** Its call is queued or running on the plugin. */
    CALLING,
    /** Its results are being written. */
    WRITING
  }

  final Link link;
  final long acceptedNanos;
  final long deadlineNanos;
  private Phase phase = Phase.READING;
  private @Nullable String cutBy;
  private boolean shed;

  Connection(Link link, long acceptedNanos, long deadlineNanos) {
    this.link = link;
    this.acceptedNanos = acceptedNanos;
    this.deadlineNanos = deadlineNanos;
  }

  synchronized Phase phase() {
    return phase;
  }

  /** Moves on to {@code next}; false if the connection was cut already. */
  synchronized boolean enter(Phase next) {
    if (cutBy != null) {
      return false;
    }
    phase = next;
    return true;
  }

  /** {@code task}, which does nothing but fail if the connection is cut before it starts. */
  <T> Callable<T> guard(Callable<T> task) {
    return () -> {
      String cut = cutBy();
      if (cut != null) {
        throw new CancellationException(cut);
      }
      return task.call();
    };
  }

  /** Why the connection was cut, or null. */
  synchronized @Nullable String cutBy() {
    return cutBy;
  }

  synchronized boolean wasShed() {
    return shed;
  }

  /** Ends the connection for {@code why}; {@code shed}: to make room for another one. */
  void cut(String why, boolean shed) {
    synchronized (this) {
      if (cutBy != null) {
        return;
      }
      cutBy = why;
      this.shed = shed;
    }
    try {
      link.close();
    } catch (IOException e) {
      // closed anyway
    }
  }
}
