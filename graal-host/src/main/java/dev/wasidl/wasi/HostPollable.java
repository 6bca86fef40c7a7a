package dev.wasidl.wasi;

/**
 * The host side of a {@code wasi:io/poll.pollable}: whether the event it waits for has happened.
 * {@code poll} and {@code block} wait on {@link #ready()}, sleeping until the earliest {@link
 * #deadline()} of a timer, or briefly between checks for I/O readiness.
 */
public interface HostPollable {
  boolean ready();

  /**
   * The {@link System#nanoTime()} at which this becomes ready by itself, or {@link Long#MAX_VALUE}.
   */
  default long deadline() {
    return Long.MAX_VALUE;
  }

  /** A pollable that is always ready. */
  HostPollable READY = () -> true;
}
