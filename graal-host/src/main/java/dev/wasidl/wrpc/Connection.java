package dev.wasidl.wrpc;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * One client's invocation as the server tracks it: when it must be done, what it is doing (only a
 * connection still sending its request may be shed), and why it was cut, if it was. Cutting closes
 * the socket (which ends a blocked read at once) and cancels a plugin call still queued.
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

  final Socket socket;
  final long acceptedNanos;
  final long deadlineNanos;
  private Phase phase = Phase.READING;
  private @Nullable Future<?> call;
  private @Nullable String cutBy;
  private boolean shed;

  Connection(Socket socket, long acceptedNanos, long deadlineNanos) {
    this.socket = socket;
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

  /** The plugin call this connection waits for: cancelled if the connection is (or gets) cut. */
  synchronized void waitsFor(Future<?> f) {
    call = f;
    if (cutBy != null) {
      f.cancel(false);
    }
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
      if (call != null) {
        call.cancel(false);
      }
    }
    try {
      socket.close();
    } catch (IOException e) {
      // closed anyway
    }
  }
}
