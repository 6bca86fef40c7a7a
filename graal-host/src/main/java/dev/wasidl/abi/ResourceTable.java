package dev.wasidl.abi;

import dev.wasidl.types.ResourceType;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * A component instance's table of resource handles (the spec's {@code inst.handles}): index 0 is
 * reserved, freed indices are reused last-freed-first, and the table holds at most {@link
 * #capacity()} handles. Misuse traps with a {@link ResourceTableException}. Also implements the
 * canon built-ins {@code resource.new}, {@code resource.drop} and {@code resource.rep}.
 */
public final class ResourceTable {
  /** The spec's {@code Table.MAX_LENGTH}, which leaves the high 4 bits of an index unused. */
  public static final int MAX_LENGTH = (1 << 28) - 1;

  private final Set<ResourceType> implemented;
  private final int capacity;
  private ResourceHandle[] array = new ResourceHandle[8];
  private int length = 1;
  private int[] free = new int[8];
  private int freeCount;

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

  /** Adds {@code h}, returning its index. */
  public int add(ResourceHandle h) {
    Objects.requireNonNull(h, "h");
    int i;
    if (freeCount > 0) {
      i = free[--freeCount];
    } else {
      i = length;
      if (i > capacity) {
        throw new ResourceTableException(
            ResourceTableError.FULL,
            "resource table is full: it holds at most " + capacity + " handles");
      }
      if (i == array.length) {
        array = Arrays.copyOf(array, Math.min(array.length * 2, capacity + 1));
      }
      length++;
    }
    array[i] = h;
    return i;
  }

  /** The handle at {@code i}. */
  public ResourceHandle get(int i) {
    long index = Integer.toUnsignedLong(i);
    if (index >= length || array[(int) index] == null) {
      throw new ResourceTableException(
          ResourceTableError.NOT_PRESENT, "unknown handle index " + index);
    }
    return array[(int) index];
  }

  /** The handle at {@code i}, which must be of resource type {@code type}. */
  public ResourceHandle get(int i, ResourceType type) {
    ResourceHandle h = get(i);
    if (h.type() != type) {
      throw new ResourceTableException(
          ResourceTableError.WRONG_TYPE,
          "handle index "
              + Integer.toUnsignedString(i)
              + " used with the wrong type: it holds "
              + h
              + ", expected a handle to "
              + type);
    }
    return h;
  }

  /** The owning handles the table holds now, in index order. */
  public java.util.List<ResourceHandle.Own> owned() {
    java.util.List<ResourceHandle.Own> out = new java.util.ArrayList<>();
    for (int i = 1; i < length; i++) {
      if (array[i] instanceof ResourceHandle.Own own) {
        out.add(own);
      }
    }
    return out;
  }

  /** Removes and returns the handle at {@code i}. */
  public ResourceHandle remove(int i) {
    ResourceHandle h = get(i);
    array[i] = null;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = i;
    return h;
  }

  /** {@code canon resource.new}: a new owning handle to {@code rep}. */
  public int resourceNew(ResourceType type, int rep) {
    return add(new ResourceHandle.Own(type, rep));
  }

  /** {@code canon resource.rep}: the representation behind handle {@code i}. */
  public int resourceRep(ResourceType type, int i) {
    return get(i, type).rep();
  }

  /**
   * {@code canon resource.drop}: removes handle {@code i}. Dropping an owning handle runs {@code
   * destructor} on the representation; dropping a borrow ends that borrow in its scope.
   */
  public void resourceDrop(ResourceType type, int i, Destructor destructor) {
    ResourceHandle h = get(i, type);
    checkNotLent(i, h);
    remove(i);
    switch (h) {
      case ResourceHandle.Own own -> destructor.destroy(own.rep());
      case ResourceHandle.Borrow borrow -> borrow.scope().borrowDropped();
    }
  }

  /** The spec's {@code lift_own}: removes owning handle {@code i} and returns its rep. */
  int liftOwn(ResourceType type, int i) {
    ResourceHandle h = get(i, type);
    if (!(h instanceof ResourceHandle.Own)) {
      throw new ResourceTableException(
          ResourceTableError.WRONG_TYPE,
          "handle index "
              + Integer.toUnsignedString(i)
              + " holds "
              + h
              + ", but an own handle is required");
    }
    checkNotLent(i, h);
    remove(i);
    return h.rep();
  }

  private static void checkNotLent(int i, ResourceHandle h) {
    if (h.lends() != 0) {
      throw new ResourceTableException(
          ResourceTableError.HAS_CHILDREN,
          "handle index "
              + Integer.toUnsignedString(i)
              + " is lent to "
              + h.lends()
              + " call(s) that have not returned, so it cannot be moved or dropped");
    }
  }
}
