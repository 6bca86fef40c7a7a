package dev.wasidl.bindings;

import dev.wasidl.abi.Trap;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A host's table of resource representations (as wasmtime's {@code ResourceTable}): {@link #push}
 * stores a Java object and gives out the {@link Resource} a guest will hold, {@link #get} finds it
 * again when the guest calls a method, {@link #delete} removes it when the guest drops it. Reps
 * start at 1 and are reused after deletion. Looking up a rep that is not in the table traps: it
 * means a host bug or a handle of another table, never something a guest can cause on its own (the
 * runtime's handle tables check guest handles first). Not thread-safe: one per instance.
 */
public final class HostTable {
  private final List<@Nullable Object> entries = new ArrayList<>();
  private final java.util.ArrayDeque<Integer> free = new java.util.ArrayDeque<>();
  private final int capacity;
  private int size;

  /** A table holding at most {@code capacity} entries. */
  public HostTable(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
    entries.add(null); // rep 0 is never handed out
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
    if (!free.isEmpty()) {
      rep = free.pop();
      entries.set(rep, value);
    } else {
      rep = entries.size();
      entries.add(value);
    }
    size++;
    return new Resource<>(rep);
  }

  /** The object behind {@code handle}, which must be a {@code type}. */
  public <V> V get(Resource<?> handle, Class<V> type) {
    Object v = lookup(handle.rep());
    if (!type.isInstance(v)) {
      throw new Trap(
          "host resource rep "
              + handle.rep()
              + " is a "
              + v.getClass().getSimpleName()
              + ", not a "
              + type.getSimpleName());
    }
    return type.cast(v);
  }

  /** Removes and returns the object behind {@code handle}. */
  public Object delete(Resource<?> handle) {
    Object v = lookup(handle.rep());
    entries.set(handle.rep(), null);
    free.push(handle.rep());
    size--;
    return v;
  }

  /** Removes every entry, returning them (e.g. to close what the guest never dropped). */
  public List<Object> clear() {
    List<Object> all = new ArrayList<>();
    for (Object o : entries) {
      if (o != null) {
        all.add(o);
      }
    }
    entries.clear();
    entries.add(null);
    free.clear();
    size = 0;
    return all;
  }

  /** How many entries the table holds. */
  public int size() {
    return size;
  }

  private Object lookup(int rep) {
    Object v = rep > 0 && rep < entries.size() ? entries.get(rep) : null;
    if (v == null) {
      throw new Trap("unknown host resource rep " + Integer.toUnsignedString(rep));
    }
    return v;
  }
}
