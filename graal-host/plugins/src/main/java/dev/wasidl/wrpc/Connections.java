package dev.wasidl.wrpc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The server's open connections, oldest first, at most {@code max}. Shedding is fair to clients
 * that make progress: at the cap a newcomer takes the place of the connection that has been sending
 * its request longest (a slow-loris holding every slot loses them one by one to real clients, whose
 * requests arrive in milliseconds); connections whose call is queued or running on the plugin, or
 * whose results are being written, are never shed. Deadlines are enforced here too, by {@link
 * #sweep}, so no read has to carry its own timeout.
 */
final class Connections {
  private final int max;
  private final LinkedHashSet<Connection> open = new LinkedHashSet<>();

  Connections(int max) {
    this.max = max;
  }

  /** What {@link #admit} did. */
  enum Admission {
    ADMITTED,
    /** Admitted in place of the connection sending its request longest. */
    SHED_ANOTHER,
    /** At the cap with no connection that may be shed: the newcomer is refused. */
    REFUSED
  }

  Admission admit(Connection c) {
    Connection victim;
    synchronized (this) {
      if (open.size() < max) {
        open.add(c);
        return Admission.ADMITTED;
      }
      victim = oldestReading();
      if (victim == null) {
        return Admission.REFUSED;
      }
      open.remove(victim);
      open.add(c);
    }
    victim.cut("shed: the server is at its cap of " + max + " connections", true);
    return Admission.SHED_ANOTHER;
  }

  /** Sheds the connection sending its request longest (to free its descriptor); false if none. */
  boolean shedOne(String why) {
    Connection victim;
    synchronized (this) {
      victim = oldestReading();
      if (victim == null) {
        return false;
      }
      open.remove(victim);
    }
    victim.cut(why, true);
    return true;
  }

  private @Nullable Connection oldestReading() {
    for (Connection c : open) {
      if (c.phase() == Connection.Phase.READING) {
        return c;
      }
    }
    return null;
  }

  synchronized void remove(Connection c) {
    open.remove(c);
  }

  synchronized int size() {
    return open.size();
  }

  /**
   * Cuts every connection whose deadline has passed at {@code nowNanos}. Every connection has the
   * same time from its accept, so the set's order (accept order) is deadline order: the scan stops
   * at the first one still in time.
   */
  void sweep(long nowNanos, String why) {
    List<Connection> late = new ArrayList<>();
    synchronized (this) {
      for (Connection c : open) {
        if (nowNanos - c.deadlineNanos < 0) {
          break;
        }
        late.add(c);
      }
      late.forEach(open::remove);
    }
    for (Connection c : late) {
      c.cut(why, false);
    }
  }

  /** Cuts them all: the server is closing. */
  void cutAll(String why) {
    List<Connection> all;
    synchronized (this) {
      all = new ArrayList<>(open);
    }
    for (Connection c : all) {
      c.cut(why, false);
    }
  }
}
