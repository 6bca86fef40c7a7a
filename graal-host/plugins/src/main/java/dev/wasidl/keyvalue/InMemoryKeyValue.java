package dev.wasidl.keyvalue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The data of the built-in wasi:keyvalue provider: buckets by identifier, shared by every instance
 * (and thread) that uses it. Each bucket is a sorted map guarded by its own lock, so single
 * operations, increments and compare-and-swaps are atomic; {@code list-keys} pages in key order,
 * the cursor being the last key of the previous page.
 */
public final class InMemoryKeyValue {
  private final int pageSize;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** A store whose {@code list-keys} returns at most {@code pageSize} keys per page. */
  public InMemoryKeyValue(int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be positive: " + pageSize);
    }
    this.pageSize = pageSize;
  }

  /** The bucket named {@code identifier}, created empty on first use. */
  public Bucket bucket(String identifier) {
    return buckets.computeIfAbsent(identifier, id -> new Bucket());
  }

  /** One bucket: sorted keys to values. Values are copied in and out. */
  public final class Bucket {
    private final NavigableMap<String, byte[]> map = new TreeMap<>();

    private Bucket() {}

    public synchronized byte @Nullable [] get(String key) {
      byte[] v = map.get(key);
      return v == null ? null : v.clone();
    }

    public synchronized void set(String key, byte[] value) {
      map.put(key, value.clone());
    }

    public synchronized void delete(String key) {
      map.remove(key);
    }

    public synchronized boolean exists(String key) {
      return map.containsKey(key);
    }

    /** Up to a page of keys after {@code cursor}, and the cursor of the next page if any. */
    public synchronized Page listKeys(Optional<String> cursor) {
      NavigableMap<String, byte[]> rest =
          cursor.isPresent() ? map.tailMap(cursor.get(), false) : map;
      List<String> keys = new ArrayList<>();
      for (String k : rest.keySet()) {
        if (keys.size() == pageSize) {
          break;
        }
        keys.add(k);
      }
      boolean more = keys.size() == pageSize && rest.size() > pageSize;
      return new Page(keys, more ? Optional.of(keys.get(keys.size() - 1)) : Optional.empty());
    }

    /**
     * Adds {@code delta} to the 8-byte little-endian s64 at {@code key} (0 when missing).
     *
     * @throws IllegalStateException when the value is not 8 bytes or the sum overflows
     */
    public synchronized long increment(String key, long delta) {
      byte[] v = map.get(key);
      long old = 0;
      if (v != null) {
        if (v.length != 8) {
          throw new IllegalStateException("the value of " + key + " is not a 64-bit integer");
        }
        for (int i = 7; i >= 0; i--) {
          old = (old << 8) | (v[i] & 0xFF);
        }
      }
      long sum;
      try {
        sum = Math.addExact(old, delta);
      } catch (ArithmeticException e) {
        throw new IllegalStateException("incrementing " + key + " overflows s64", e);
      }
      byte[] out = new byte[8];
      for (int i = 0; i < 8; i++) {
        out[i] = (byte) (sum >>> (8 * i));
      }
      map.put(key, out);
      return sum;
    }

    /** Sets {@code key} to {@code value} if its value is still {@code expected} (null: absent). */
    public synchronized boolean compareAndSet(
        String key, byte @Nullable [] expected, byte[] value) {
      if (!Arrays.equals(map.get(key), expected)) {
        return false;
      }
      map.put(key, value.clone());
      return true;
    }
  }

  /** A page of {@code list-keys}. */
  public record Page(List<String> keys, Optional<String> cursor) {}
}
