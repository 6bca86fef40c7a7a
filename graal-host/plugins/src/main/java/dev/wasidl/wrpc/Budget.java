package dev.wasidl.wrpc;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A server-wide bound on the memory that decoded requests hold at once: each connection charges the
 * bytes of the values it decodes (byte strings at their length, every other value at {@link
 * #VALUE_COST}) and gives them back when it ends. A request that would go past the bound is refused
 * rather than let many large uploads together exhaust the heap. Charges are taken from the shared
 * counter in chunks, so decoding a value does not touch it.
 */
public final class Budget {
  /** What one decoded value other than a byte string is charged: an object and a list slot. */
  static final long VALUE_COST = 32;

  private static final long CHUNK = 64 << 10;

  /** No bound: for a client reading one server's results. */
  static final Budget UNLIMITED = new Budget(Long.MAX_VALUE);

  private final long max;
  private final AtomicLong used = new AtomicLong();

  public Budget(long max) {
    if (max < 1) {
      throw new IllegalArgumentException("a budget must be positive: " + max);
    }
    this.max = max;
  }

  public long max() {
    return max;
  }

  /** Bytes charged now. */
  public long used() {
    return used.get();
  }

  /** A connection's share: charges and releases go through it. Not thread-safe. */
  Charge open() {
    return new Charge();
  }

  final class Charge {
    private long held;
    private long reserved;

    /** Charges {@code n} bytes, refused if the server-wide budget has no room. */
    void add(long n) throws WrpcException {
      if (n <= reserved - held) {
        held += n;
        return;
      }
      long need = n - (reserved - held);
      long more = Math.max(need, CHUNK);
      while (true) {
        long u = used.get();
        long take = u <= max - more ? more : need;
        if (u > max - take) {
          throw new WrpcException(
              "the server's budget of "
                  + max
                  + " bytes for requests in flight is used up (this request holds "
                  + held
                  + ")");
        }
        if (used.compareAndSet(u, u + take)) {
          reserved += take;
          break;
        }
      }
      held += n;
    }

    /** Gives everything back. */
    void release() {
      used.addAndGet(-reserved);
      reserved = 0;
      held = 0;
    }
  }
}
