package dev.wasidl.abi;

import dev.wasidl.types.ResourceType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A component instance's table of resource handles (the spec's {@code inst.handles}): index 0 is
 * reserved, freed indices are reused last-freed-first, and the table holds at most {@link
 * #capacity()} handles. Misuse traps with a {@link ResourceTableException}. Also implements the
 * canon built-ins {@code resource.new}, {@code resource.drop} and {@code resource.rep}.
 *
 * <p>The handles live in parallel arrays (type, rep, lends, the borrow's scope) with an {@code int}
 * free list, so adding, checking and removing a handle allocates nothing: a lookup is an array
 * index and a type identity check. {@link ResourceHandle} objects are made only for the public
 * inspection methods ({@link #get(int)}, {@link #owned()}) and for messages.
 */
public final class ResourceTable {
  /** The spec's {@code Table.MAX_LENGTH}, which leaves the high 4 bits of an index unused. */
  public static final int MAX_LENGTH = (1 << 28) - 1;

  private static final int INITIAL = 8;

  private final Set<ResourceType> implemented;
  private final int capacity;
  // index i holds a handle iff types[i] != null; scopes[i] != null iff it is a borrow
  private @Nullable ResourceType[] types = new ResourceType[INITIAL];
  private int[] reps = new int[INITIAL];
  private int[] lends = new int[INITIAL];
  private @Nullable BorrowScope[] scopes = new BorrowScope[INITIAL];
  private int length = 1;
  private int[] free = new int[INITIAL];
  private int freeCount;
  // resource types whose handles a host adapter keeps, and the keeper (none by default)
  private ResourceType[] foreignTypes = new ResourceType[0];
  private @Nullable ForeignHandles foreign;

  private ResourceTable(Set<ResourceType> implemented, int capacity) {
    this.implemented = Set.copyOf(implemented);
    if (capacity < 1 || capacity > MAX_LENGTH) {
      throw new IllegalArgumentException("capacity must be in 1.." + MAX_LENGTH);
    }
    this.capacity = capacity;
  }

  /**
   * The table of an instance that implements the resource types {@code implemented} (lowering a
   * borrow of one of those into this instance passes the bare representation).
   */
  public static ResourceTable of(Set<ResourceType> implemented) {
    return new ResourceTable(implemented, MAX_LENGTH);
  }

  /** As {@link #of(Set)}, holding at most {@code capacity} handles. */
  public static ResourceTable of(Set<ResourceType> implemented, int capacity) {
    return new ResourceTable(implemented, capacity);
  }

  /**
   * Hands the handles of {@code types} to {@code keeper}: their lowers go to it, and lifts of
   * indices in its range ({@link ForeignHandles#FIRST} and up) too.
   */
  public void adopt(java.util.Collection<ResourceType> types, ForeignHandles keeper) {
    this.foreignTypes = types.toArray(ResourceType[]::new);
    this.foreign = Objects.requireNonNull(keeper, "keeper");
  }

  /** The keeper of {@code type}'s handles, or null if this table keeps them. */
  private @Nullable ForeignHandles keeper(ResourceType type) {
    ForeignHandles f = foreign;
    if (f != null) {
      for (ResourceType t : foreignTypes) {
        if (t == type) {
          return f;
        }
      }
    }
    return null;
  }

  /** The largest index this table hands out. */
  public int capacity() {
    return capacity;
  }

  /** Whether this instance implements {@code type} (the spec's {@code cx.inst is t.rt.impl}). */
  public boolean implementsType(ResourceType type) {
    return implemented.contains(type);
  }

  /** How many handles the table holds. */
  public int size() {
    return length - 1 - freeCount;
  }

  /** Adds {@code h} (its type, rep and, for a borrow, scope), returning its index. */
  public int add(ResourceHandle h) {
    Objects.requireNonNull(h, "h");
    int i = add(h.type(), h.rep(), h instanceof ResourceHandle.Borrow b ? b.scope() : null);
    lends[i] = h.lends();
    return i;
  }

  /** Adds an owning handle to {@code rep}, returning its index (the keeper's, if foreign). */
  int addOwn(ResourceType type, int rep) {
    if (foreign != null) {
      ForeignHandles k = keeper(type);
      if (k != null) {
        return k.lowerOwn(type, rep);
      }
    }
    return add(type, rep, null);
  }

  /** Adds a borrow of {@code rep} lent into {@code scope}, returning its index. */
  int addBorrow(ResourceType type, int rep, BorrowScope scope) {
    return add(type, rep, Objects.requireNonNull(scope, "scope"));
  }

  private int add(ResourceType type, int rep, @Nullable BorrowScope scope) {
    Objects.requireNonNull(type, "type");
    int i;
    if (freeCount > 0) {
      i = free[--freeCount];
    } else {
      i = length;
      if (i > capacity) {
        throw new ResourceTableException(
            ResourceTableError.FULL,
            "resource table is full: it holds at most "
                + capacity
                + " handles (Linker.maxHandles; wasidl run -W max-handles=)");
      }
      if (i == types.length) {
        grow(Math.min(types.length * 2, capacity + 1));
      }
      length++;
    }
    types[i] = type;
    reps[i] = rep;
    lends[i] = 0;
    scopes[i] = scope;
    return i;
  }

  private void grow(int n) {
    types = Arrays.copyOf(types, n);
    reps = Arrays.copyOf(reps, n);
    lends = Arrays.copyOf(lends, n);
    scopes = Arrays.copyOf(scopes, n);
  }

  /** The index {@code i} as an array index, if a handle is there; else traps. */
  private int present(int i) {
    if (Integer.compareUnsigned(i, length) >= 0 || types[i] == null) {
      throw new ResourceTableException(
          ResourceTableError.NOT_PRESENT, "unknown handle index " + Integer.toUnsignedLong(i));
    }
    return i;
  }

  /** The index {@code i}, whose handle must be of resource type {@code type}; else traps. */
  int check(int i, ResourceType type) {
    int k = present(i);
    if (types[k] != type) {
      throw new ResourceTableException(
          ResourceTableError.WRONG_TYPE,
          "handle index "
              + Integer.toUnsignedString(i)
              + " used with the wrong type: it holds "
              + describe(k)
              + ", expected a handle to "
              + type);
    }
    return k;
  }

  /** A snapshot of the handle at {@code i}. */
  public ResourceHandle get(int i) {
    return snapshot(present(i));
  }

  /** A snapshot of the handle at {@code i}, which must be of resource type {@code type}. */
  public ResourceHandle get(int i, ResourceType type) {
    return snapshot(check(i, type));
  }

  /** Snapshots of the owning handles the table holds now, in index order. */
  public List<ResourceHandle.Own> owned() {
    List<ResourceHandle.Own> out = new ArrayList<>();
    for (int i = 1; i < length; i++) {
      if (types[i] != null && scopes[i] == null) {
        out.add((ResourceHandle.Own) snapshot(i));
      }
    }
    return out;
  }

  /** Removes the handle at {@code i}, returning a snapshot of it. */
  public ResourceHandle remove(int i) {
    ResourceHandle h = get(i);
    removeAt(i);
    return h;
  }

  private void removeAt(int i) {
    types[i] = null;
    scopes[i] = null;
    lends[i] = 0;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = i;
  }

  /** {@code canon resource.new}: a new owning handle to {@code rep}. */
  public int resourceNew(ResourceType type, int rep) {
    return addOwn(type, rep);
  }

  /** {@code canon resource.rep}: the representation behind handle {@code i}. */
  public int resourceRep(ResourceType type, int i) {
    return reps[check(i, type)];
  }

  /**
   * {@code canon resource.drop}: removes handle {@code i}. Dropping an owning handle runs {@code
   * destructor} on the representation; dropping a borrow ends that borrow in its scope.
   */
  public void resourceDrop(ResourceType type, int i, Destructor destructor) {
    int k = check(i, type);
    checkNotLent(k);
    int rep = reps[k];
    BorrowScope scope = scopes[k];
    removeAt(k);
    if (scope == null) {
      destructor.destroy(rep);
    } else {
      scope.borrowDropped();
    }
  }

  /** The spec's {@code lift_own}: removes owning handle {@code i} and returns its rep. */
  int liftOwn(ResourceType type, int i) {
    if (foreign != null && ForeignHandles.isForeign(i)) {
      ForeignHandles keeper = keeper(type);
      if (keeper != null) {
        return keeper.liftOwn(type, i);
      }
    }
    int k = check(i, type);
    if (scopes[k] != null) {
      throw new ResourceTableException(
          ResourceTableError.WRONG_TYPE,
          "handle index "
              + Integer.toUnsignedString(i)
              + " holds "
              + describe(k)
              + ", but an own handle is required");
    }
    checkNotLent(k);
    int rep = reps[k];
    removeAt(k);
    return rep;
  }

  /** The spec's {@code lift_borrow}: lends handle {@code i} to {@code scope}, returning its rep. */
  int liftBorrow(ResourceType type, int i, BorrowScope scope) {
    if (foreign != null && ForeignHandles.isForeign(i) && keeper(type) != null) {
      throw new ResourceTableException(
          ResourceTableError.WRONG_TYPE,
          "handle index "
              + Integer.toUnsignedString(i)
              + " of "
              + type
              + " is kept by the instance's host adapter, which lends it to no other function"
              + " (Linker.compiledLowerings(false) keeps such handles in the table)");
    }
    int k = check(i, type);
    scope.lend(this, k);
    return reps[k];
  }

  void lend(int k) {
    lends[k]++;
  }

  void unlend(int k) {
    if (lends[k] > 0) { // 0 only if the public remove(int) took a lent handle out
      lends[k]--;
    }
  }

  private void checkNotLent(int k) {
    if (lends[k] != 0) {
      throw new ResourceTableException(
          ResourceTableError.HAS_CHILDREN,
          "handle index "
              + Integer.toUnsignedString(k)
              + " is lent to "
              + lends[k]
              + " call(s) that have not returned, so it cannot be moved or dropped");
    }
  }

  private String describe(int k) {
    return snapshot(k).toString();
  }

  private ResourceHandle snapshot(int k) {
    ResourceType type = Objects.requireNonNull(types[k]);
    BorrowScope scope = scopes[k];
    ResourceHandle h =
        scope == null
            ? new ResourceHandle.Own(type, reps[k])
            : new ResourceHandle.Borrow(type, reps[k], scope);
    h.setLends(lends[k]);
    return h;
  }
}
