package dev.wasidl.wrpc;

import java.time.Duration;

/**
 * What a {@link Server} grants one client and all of them together.
 *
 * @param deadline how long one invocation may take in all, from accept to the last result byte (not
 *     per read: a client trickling bytes is cut when it passes)
 * @param maxConnections connections open at once; at the cap, a newcomer takes the place of the
 *     connection that has been sending its request longest (connections whose call is queued or
 *     running on the plugin, or whose results are being written, are never shed)
 * @param maxMessage bytes the parameters of one invocation may take
 * @param maxInFlight bytes the decoded parameters of all connections may hold at once
 */
public record ServerLimits(
    Duration deadline, int maxConnections, int maxMessage, long maxInFlight) {
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_CONNECTIONS = 1024;
  public static final long DEFAULT_MAX_IN_FLIGHT = 256L << 20;

  /** Largest {@code maxMessage}: a byte string must fit a Java array. */
  public static final int MAX_MESSAGE_CEILING = 1 << 30;

  public ServerLimits {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("the deadline must be positive: " + deadline);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("max connections must be positive: " + maxConnections);
    }
    if (maxMessage < 1 || maxMessage > MAX_MESSAGE_CEILING) {
      throw new IllegalArgumentException(
          "max message must be in 1.." + MAX_MESSAGE_CEILING + ": " + maxMessage);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("max in flight must be positive: " + maxInFlight);
    }
  }

  /** 30 s per invocation, 1024 connections, 64 MiB per message, 256 MiB in flight. */
  public static ServerLimits defaults() {
    return new ServerLimits(
        DEFAULT_DEADLINE,
        DEFAULT_MAX_CONNECTIONS,
        Framing.DEFAULT_MAX_MESSAGE,
        DEFAULT_MAX_IN_FLIGHT);
  }

  public ServerLimits withDeadline(Duration d) {
    return new ServerLimits(d, maxConnections, maxMessage, maxInFlight);
  }

  public ServerLimits withMaxConnections(int n) {
    return new ServerLimits(deadline, n, maxMessage, maxInFlight);
  }

  public ServerLimits withMaxMessage(int n) {
    return new ServerLimits(deadline, maxConnections, n, maxInFlight);
  }

  public ServerLimits withMaxInFlight(long n) {
    return new ServerLimits(deadline, maxConnections, maxMessage, n);
  }
}
