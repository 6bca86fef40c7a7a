package dev.wasidl.abi;

import dev.wasidl.types.ResourceType;
import java.util.Objects;

/**
 * An element of a {@link ResourceTable} (the spec's {@code ResourceHandle}): a resource type and
 * representation, and how many calls it is currently lent to. The table keeps its handles in
 * primitive arrays; these objects are what {@link ResourceTable#add} takes and snapshots of what it
 * holds. An {@link Own} owns the resource; a {@link Borrow} borrows it for the duration of one call
 * (its {@link BorrowScope}).
 */
public abstract sealed class ResourceHandle permits ResourceHandle.Own, ResourceHandle.Borrow {
  private final ResourceType type;
  private final int rep;
  private int lends;

  private ResourceHandle(ResourceType type, int rep) {
    this.type = Objects.requireNonNull(type, "type");
    this.rep = rep;
  }

  public ResourceType type() {
    return type;
  }

  /** The representation (an {@code i32}, unsigned). */
  public int rep() {
    return rep;
  }

  /** How many calls this handle is lent to right now (the spec's {@code num_lends}). */
  public int lends() {
    return lends;
  }

  void setLends(int n) {
    lends = n;
  }

  /** An owning handle. */
  public static final class Own extends ResourceHandle {
    public Own(ResourceType type, int rep) {
      super(type, rep);
    }

    @Override
    public String toString() {
      return "own<" + type() + "> rep " + Integer.toUnsignedString(rep());
    }
  }

  /** A borrowed handle, valid until its scope's call returns. */
  public static final class Borrow extends ResourceHandle {
    private final BorrowScope scope;

    public Borrow(ResourceType type, int rep, BorrowScope scope) {
      super(type, rep);
      this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** The call this borrow was lent into. */
    public BorrowScope scope() {
      return scope;
    }

    @Override
    public String toString() {
      return "borrow<" + type() + "> rep " + Integer.toUnsignedString(rep());
    }
  }
}
