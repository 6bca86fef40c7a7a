package dev.wasidl.bindings;

import dev.wasidl.abi.Trap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A host's table of resource representations (as wasmtime's {@code ResourceTable}): {@link #push}
 * stores a Java object and gives out the {@link Resource} a guest will hold, {@link #get} finds it
 * again when the guest calls a method, {@link #delete} removes it when the guest drops it. Reps
 * start at 1 and are reused after deletion. Looking up a rep that is not in the table traps: it
 * means a host bug or a handle of another table, never something a guest can cause on its own (the
 * runtime's handle tables check guest handles first). Not thread-safe: one per instance.
 *
 * <p>Entries are an array indexed by rep with an {@code int} free list (no boxing); beside each
 * entry the table remembers a class it is known to be an instance of, so a {@link #get} with that
 * class is an identity check instead of {@link Class#isInstance}.
 */
public final class HostTable {
  private static final int INITIAL = 16;

  private final int capacity;
  private @Nullable Object[] entries = new Object[INITIAL];
  private @Nullable Class<?>[] known = new Class<?>[INITIAL];
  private int length = 1; // rep 0 is never handed out
  private int[] free = new int[INITIAL];
  private int freeCount;
  private int size;

  /** A table holding at most {@code capacity} entries. */
  public HostTable(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  /** A table holding at most 2^20 entries. */
  public HostTable() {
    this(1 << 20);
  }

  /** Stores {@code value}; the guest will hold the returned handle. */
  public <T> Resource<T> push(Object value) {
    if (size >= capacity) {
      throw new Trap("host resource table is full (" + capacity + " entries)");
    }
    int rep;
    if (freeCount > 0) {
      rep = free[--freeCount];
    } else {
      rep = length;
      if (rep == entries.length) {
        int n = rep * 2;
        entries = Arrays.copyOf(entries, n);
        known = Arrays.copyOf(known, n);
      }
      length++;
    }
    entries[rep] = value;
    known[rep] = value.getClass();
    size++;
    return new Resource<>(rep);
  }

  /** The object behind {@code handle}, which must be a {@code type}. */
  @SuppressWarnings("unchecked") // checked: known[rep] is a class the entry is an instance of
  public <V> V get(Resource<?> handle, Class<V> type) {
    int rep = handle.rep();
    Object v = lookup(rep);
    if (known[rep] != type) {
      if (!type.isInstance(v)) {
        throw new Trap(
            "host resource rep "
                + rep
                + " is a "
                + v.getClass().getSimpleName()
                + ", not a "
                + type.getSimpleName());
      }
      known[rep] = type; // the next get with this type (an interface, say) is an identity check
    }
    return (V) v;
  }

  /** Removes and returns the object behind {@code handle}. */
  public Object delete(Resource<?> handle) {
    int rep = handle.rep();
    Object v = lookup(rep);
    entries[rep] = null;
    known[rep] = null;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = rep;
    size--;
    return v;
  }

  /** Removes every entry, returning them (e.g. to close what the guest never dropped). */
  public List<Object> clear() {
    List<Object> all = new ArrayList<>(size);
    for (int i = 1; i < length; i++) {
      Object o = entries[i];
      if (o != null) {
        all.add(o);
      }
    }
    entries = new Object[INITIAL];
    known = new Class<?>[INITIAL];
    length = 1;
    free = new int[INITIAL];
    freeCount = 0;
    size = 0;
    return all;
  }

  /** How many entries the table holds. */
  public int size() {
    return size;
  }

  private Object lookup(int rep) {
    Object v = rep > 0 && rep < length ? entries[rep] : null;
    if (v == null) {
      throw new Trap("unknown host resource rep " + Integer.toUnsignedString(rep));
    }
    return v;
  }
}
