package dev.wasidl.wasi;

/**
 * The host side of a {@code wasi:io/poll.pollable}: whether the event it waits for has happened.
 * {@code poll} and {@code block} wait on {@link #ready()}: until the earliest {@link #deadline()}
 * when every pollable is a timer, otherwise with short sleeps (50 µs doubling to 5 ms) between
 * checks, cut short by {@link WasiCtx#wake()} (which an I/O source calls when it becomes ready).
 */
public interface HostPollable {
  /** Whether the event has happened; never blocks. */
  boolean ready();

  /**
   * For a timer, the {@link System#nanoTime()} from which it is ready (and not before); {@link
   * Long#MAX_VALUE} for anything else.
   */
  default long deadline() {
    return Long.MAX_VALUE;
  }

  /** A pollable that is always ready. */
  HostPollable READY = () -> true;

  /** A pollable that is never ready. */
  HostPollable NEVER = () -> false;

  /** A timer ready from {@code deadline} ({@link System#nanoTime()}) on. */
  static HostPollable at(long deadline) {
    return new Timer(deadline);
  }

  /** A timer pollable. */
  record Timer(long deadline) implements HostPollable {
    @Override
    public boolean ready() {
      return System.nanoTime() - deadline >= 0;
    }
  }
}
