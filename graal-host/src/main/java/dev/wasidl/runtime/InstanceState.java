package dev.wasidl.runtime;

import dev.wasidl.abi.ResourceTable;
import dev.wasidl.abi.Trap;
import dev.wasidl.types.ResourceType;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The runtime state of one component instance (nested ones have their own): its handle table and
 * the spec's {@code may_enter} flag, which keeps a call from re-entering an instance that is
 * already running (a component instance is not reentrant).
 */
final class InstanceState implements CallContext {
  private final String name;
  private final ResourceTable handles;
  private final @Nullable Object data;
  private boolean running;
  private @Nullable String poisoned;
  private @Nullable String noLeave;
  private boolean closed;
  // resource types of plugged instances it imported (Linker.plug), by identity
  private final java.util.Map<ResourceType, Item.Resource> foreign = new java.util.HashMap<>();

  InstanceState(String name, Set<ResourceType> defined, @Nullable Object data, int maxHandles) {
    this.name = name;
    this.handles = ResourceTable.of(defined, maxHandles);
    this.data = data;
  }

  ResourceTable handles() {
    return handles;
  }

  @Override
  public @Nullable Object data() {
    return data;
  }

  /** Marks the instance as running a call; traps if it already is, or if it trapped before. */
  void enter(String func) {
    if (closed) {
      throw new Trap(
          "cannot enter component instance " + name + " to call " + func + ": it was closed");
    }
    if (poisoned != null) {
      throw new Trap(
          "cannot enter component instance "
              + name
              + " to call "
              + func
              + ": it trapped earlier and is unusable ("
              + poisoned
              + ")");
    }
    if (running) {
      throw new Trap(
          "cannot enter component instance "
              + name
              + " to call "
              + func
              + ": it is already running a call (reentrance)");
    }
    running = true;
  }

  void exit() {
    running = false;
  }

  /**
   * Runs {@code body} as a call into this instance from another one (the spec's {@code canon lift}
   * of a destructor): the instance is entered, and a trap poisons it.
   */
  void call(String what, Runnable body) {
    enter(what);
    try {
      body.run();
    } catch (Trap t) {
      poison(t.getMessage());
      throw t;
    } finally {
      exit();
    }
  }

  /** Notes a resource type it imports from a plugged instance, to release at close. */
  void importForeign(Item.Resource r) {
    if (r.definer() != null && r.definer() != this) {
      foreign.put(r.type(), r);
    }
  }

  /**
   * Drops, in their definers, the plugged instances' resources this instance still owns: it is
   * going away, and the plugin it shares with others must not keep them forever. A definer that is
   * closed, poisoned or running a call is left alone (its trap is not this close's failure).
   */
  void releaseForeign() {
    if (foreign.isEmpty()) {
      return;
    }
    Set<InstanceState> failed = new java.util.HashSet<>();
    for (dev.wasidl.abi.ResourceHandle.Own own : handles.owned()) {
      Item.Resource r = foreign.get(own.type());
      InstanceState definer = r == null ? null : r.definer();
      if (definer == null || definer.isClosed() || failed.contains(definer)) {
        continue;
      }
      try {
        definer.call("the destructor of " + r.type(), () -> r.destructor().destroy(own.rep()));
      } catch (Trap t) {
        // the definer trapped (now poisoned) or is running: nothing more to release there
        failed.add(definer);
      }
    }
  }

  /**
   * Its {@link Instance} was closed: its store is gone, so a call from an instance it was plugged
   * into traps here instead of failing inside polyglot.
   */
  void close() {
    closed = true;
  }

  boolean isClosed() {
    return closed;
  }

  /**
   * Runs {@code body} (the guest's {@code realloc} or {@code post-return}) with the spec's {@code
   * may_leave} cleared: the guest may not call out to any import meanwhile.
   */
  <T> T withoutLeaving(String what, java.util.function.Supplier<T> body) {
    String before = noLeave;
    noLeave = what;
    try {
      return body.get();
    } finally {
      noLeave = before;
    }
  }

  /** Traps if the instance may not call out now (it is inside realloc or post-return). */
  void checkMayLeave(Object callee) { // named only in the trap: its text costs a concatenation
    if (noLeave != null) {
      throw new Trap(
          "component instance "
              + name
              + " called "
              + callee
              + " from its "
              + noLeave
              + ", which may not call imports");
    }
  }

  /** A trap leaves the instance in an unknown state: no call may enter it again. */
  void poison(String reason) {
    if (poisoned == null) {
      poisoned = reason;
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
