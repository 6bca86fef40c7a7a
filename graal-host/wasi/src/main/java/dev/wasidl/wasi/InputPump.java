package dev.wasidl.wasi;

import dev.wasidl.abi.Trap;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Makes a blocking {@link InputStream} (stdin, a pipe) readable without blocking: a daemon thread,
 * started on first use, reads it into a bounded buffer that {@link #read} takes from without
 * waiting. The thread runs while some {@link PumpedInputStream} holds the pump and stops (after the
 * read it may be blocked in returns; what that read got stays buffered) when the last one is
 * dropped or the pump is closed. The source is never closed: it belongs to the application.
 */
final class InputPump implements AutoCloseable {
  static final int CHUNK = 8192;
  static final int CAPACITY = 64 * 1024;

  private final InputStream source;
  private final String threadName;
  private final Runnable onReady;
  private final Object lock = new Object();
  private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
  private int headOffset;
  private int buffered;
  private boolean eof;
  private @Nullable IOException failure;
  private int users;
  private boolean running;
  private boolean stopRequested;
  private boolean closed;
  private @Nullable Thread thread;

  /** A pump over {@code source}; {@code onReady} runs on the pump thread when data arrives. */
  InputPump(InputStream source, String threadName, Runnable onReady) {
    this.source = source;
    this.threadName = threadName;
    this.onReady = onReady;
  }

  void acquire() {
    synchronized (lock) {
      users++;
    }
  }

  void release() {
    synchronized (lock) {
      if (--users == 0) {
        stopRequested = true;
        lock.notifyAll();
      }
    }
  }

  /** Up to {@code len} buffered bytes, possibly none. */
  byte[] read(int len) throws IOException {
    synchronized (lock) {
      start();
      return take(len);
    }
  }

  /** Up to {@code len} bytes, waiting for at least one (or the end of the stream). */
  byte[] blockingRead(int len) throws IOException {
    synchronized (lock) {
      start();
      while (!readyLocked()) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new Trap("interrupted while reading " + threadName, e);
        }
      }
      return take(len);
    }
  }

  /** Whether {@link #read} would return bytes or report the end or a failure. */
  boolean ready() {
    synchronized (lock) {
      start();
      return readyLocked();
    }
  }

  /** Whether the pump thread is alive (for tests). */
  boolean running() {
    synchronized (lock) {
      return running;
    }
  }

  /** The pump thread, if one was started (for tests). */
  @Nullable Thread thread() {
    synchronized (lock) {
      return thread;
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      stopRequested = true;
      lock.notifyAll();
    }
  }

  private boolean readyLocked() {
    return buffered > 0 || eof || failure != null || closed;
  }

  private void start() {
    if (closed || users == 0) {
      return;
    }
    stopRequested = false;
    if (!running) {
      running = true;
      Thread t = new Thread(this::pump, threadName);
      t.setDaemon(true);
      thread = t;
      t.start();
    }
  }

  private byte[] take(int len) throws IOException {
    if (buffered == 0) {
      if (failure != null) {
        throw failure;
      }
      if (eof || closed) {
        throw new EOFException(threadName + " has ended");
      }
      return new byte[0];
    }
    byte[] out = new byte[Math.min(len, buffered)];
    int n = 0;
    while (n < out.length) {
      byte[] head = chunks.getFirst();
      int k = Math.min(out.length - n, head.length - headOffset);
      System.arraycopy(head, headOffset, out, n, k);
      n += k;
      headOffset += k;
      if (headOffset == head.length) {
        chunks.removeFirst();
        headOffset = 0;
      }
    }
    buffered -= n;
    lock.notifyAll(); // room for the pump
    return out;
  }

  private void pump() {
    byte[] buf = new byte[CHUNK];
    while (true) {
      synchronized (lock) {
        while (!stopRequested && buffered >= CAPACITY) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            stopRequested = true;
          }
        }
        if (stopRequested) {
          running = false;
          return;
        }
      }
      int n;
      IOException error = null;
      try {
        n = source.read(buf);
      } catch (IOException e) {
        n = -1;
        error = e;
      }
      synchronized (lock) {
        if (n > 0) {
          chunks.addLast(Arrays.copyOf(buf, n));
          buffered += n;
        } else if (error != null) {
          failure = error;
        } else if (n < 0) {
          eof = true;
        }
        lock.notifyAll();
        if (n < 0) {
          running = false;
        }
      }
      onReady.run();
      if (n < 0) {
        return;
      }
    }
  }
}
