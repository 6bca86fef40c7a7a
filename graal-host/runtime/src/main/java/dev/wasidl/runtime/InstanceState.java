package dev.wasidl.runtime;

import dev.wasidl.abi.ResourceHandle;
import dev.wasidl.abi.ResourceTable;
import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalStore;
import dev.wasidl.types.ResourceType;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The runtime state of one component instance (nested ones have their own): its handle table and
 * the spec's {@code may_enter} flag, which keeps a call from re-entering an instance that is
 * already running (a component instance is not reentrant). A call from another thread (apps on
 * several threads sharing a plugged instance) waits for its turn instead: an instance runs one call
 * at a time, and the thread running it owns its lock until the call returns.
 */
final class InstanceState implements CallContext {
  private final String name;
  private final ResourceTable handles;
  private final @Nullable Object data;
  // how long a call from another thread waits for the running one (imports form a DAG, so only a
  // host function calling instances in a cycle across threads could wait forever: it traps instead)
  private static final long TURN_WAIT_SECONDS = 60;
  private final ReentrantLock turn = new ReentrantLock();
  private volatile @Nullable String poisoned;
  private @Nullable String noLeave;
  private volatile boolean closed;
  // resource types of plugged instances it imported (Linker.plug), by identity
  private final java.util.Map<ResourceType, Item.Resource> foreign = new java.util.HashMap<>();

  private final long maxListElements;
  private final long maxLiftedBytes;
  private final @Nullable Deadline deadline; // null without a limit or a store
  private final @Nullable GraalStore store; // null when only checking imports
  private @Nullable Adapters adapters;

  /** An instance's state in {@code store} (null when only checking imports), as the linker says. */
  InstanceState(
      String name,
      Set<ResourceType> defined,
      @Nullable Object data,
      Linker linker,
      @Nullable GraalStore store) {
    this(
        name,
        defined,
        data,
        linker.maxHandles(),
        linker.maxListElements(),
        linker.maxLiftedBytes(),
        store,
        linker.callTimeout());
  }

  InstanceState(
      String name,
      Set<ResourceType> defined,
      @Nullable Object data,
      int maxHandles,
      long maxListElements,
      long maxLiftedBytes,
      @Nullable GraalStore store,
      @Nullable Duration callTimeout) {
    this.name = name;
    this.maxListElements = maxListElements;
    this.maxLiftedBytes = maxLiftedBytes;
    this.deadline = store == null ? null : Deadline.of(store, name, callTimeout);
    this.handles = ResourceTable.of(defined, maxHandles);
    this.data = data;
    this.store = store;
  }

  /** The instance's name, as traps say it. */
  String name() {
    return name;
  }

  /** The host adapters this instance lowers functions through, bound on first use. */
  Adapters adapters() {
    Adapters a = adapters;
    if (a == null) {
      a = new Adapters(this, java.util.Objects.requireNonNull(store, "a store"));
      adapters = a;
    }
    return a;
  }

  /** Elements of non-byte lists one call into or out of this instance may lift. */
  long maxListElements() {
    return maxListElements;
  }

  /** Bytes of strings and byte lists one call into or out of this instance may lift. */
  long maxLiftedBytes() {
    return maxLiftedBytes;
  }

  ResourceTable handles() {
    return handles;
  }

  @Override
  public @Nullable Object data() {
    return data;
  }

  /**
   * Marks the instance as running a call on this thread: traps if this thread is already running
   * one in it (reentrance) or if it was closed or trapped before; waits while another thread is.
   */
  void enter(String func) {
    checkUsable(func);
    if (turn.isHeldByCurrentThread()) {
      throw new Trap(
          "cannot enter component instance "
              + name
              + " to call "
              + func
              + ": it is already running a call (reentrance)");
    }
    boolean mine;
    try {
      mine = turn.tryLock(TURN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Trap(
          "interrupted while waiting to enter component instance " + name + " to call " + func);
    }
    if (!mine) {
      throw new Trap(
          "cannot enter component instance "
              + name
              + " to call "
              + func
              + ": another thread has been running a call in it for "
              + TURN_WAIT_SECONDS
              + " s");
    }
    try {
      checkUsable(func); // it may have trapped or been closed while this thread waited
    } catch (Trap t) {
      turn.unlock();
      throw t;
    }
  }

  private void checkUsable(String func) {
    if (closed) {
      throw new Trap(
          "cannot enter component instance " + name + " to call " + func + ": it was closed");
    }
    String reason = poisoned;
    if (reason != null) {
      throw new Trap(
          "cannot enter component instance "
              + name
              + " to call "
              + func
              + ": it trapped earlier and is unusable ("
              + reason
              + ")");
    }
  }

  void exit() {
    turn.unlock();
  }

  /**
   * Arms the instance's time limit for a call of {@code func}: the value to {@link #exit(long)}
   * with, 0 (and nothing done) when the linker sets no limit.
   */
  long arm(String func) {
    Deadline d = deadline;
    return d == null ? 0 : d.arm(func);
  }

  /** Ends a call from Java begun by {@link #enter} and {@link #arm}. */
  void exit(long armed) {
    Deadline d = deadline;
    if (d != null) {
      d.disarm(armed);
    }
    exit();
  }

  /**
   * Runs {@code body} as a call into this instance from another one (the spec's {@code canon lift}
   * of a destructor): the instance is entered, and a trap poisons it.
   */
  void call(String what, Runnable body) {
    enter(what);
    try {
      body.run();
    } catch (Trap | OutOfMemoryError t) {
      poison(t);
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
    for (ResourceHandle.Own own : handles.owned()) {
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
    if (deadline != null) {
      deadline.close();
    }
  }

  boolean isClosed() {
    return closed;
  }

  /**
   * Runs {@code body} (the guest's {@code realloc} or {@code post-return}) with the spec's {@code
   * may_leave} cleared: the guest may not call out to any import meanwhile.
   */
  <T> T withoutLeaving(String what, java.util.function.Supplier<T> body) {
    String before = stopLeaving(what);
    try {
      return body.get();
    } finally {
      resumeLeaving(before);
    }
  }

  /**
   * Clears {@code may_leave} while the instance runs {@code what}; returns the state to give {@link
   * #resumeLeaving} after it.
   */
  @Nullable String stopLeaving(String what) {
    String before = noLeave;
    noLeave = what;
    Adapters a = adapters;
    if (a != null) {
      a.mayLeave(false);
    }
    return before;
  }

  /** Undoes {@link #stopLeaving}, which returned {@code before}. */
  void resumeLeaving(@Nullable String before) {
    noLeave = before;
    Adapters a = adapters;
    if (a != null) {
      a.mayLeave(before == null);
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

  /**
   * Why an instance is unusable after the JVM ran out of memory during one of its calls: the guest
   * was unwound mid-call, as by a trap, so its state is unknown (a constant: no allocation then).
   */
  private static final String OUT_OF_MEMORY = "the JVM ran out of memory during a call into it";

  /**
   * A trap, or the JVM running out of memory, unwound a call: the instance is in an unknown state,
   * and no call may enter it again.
   */
  void poison(Throwable failure) {
    if (poisoned == null) {
      poisoned = failure instanceof OutOfMemoryError ? OUT_OF_MEMORY : failure.getMessage();
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
