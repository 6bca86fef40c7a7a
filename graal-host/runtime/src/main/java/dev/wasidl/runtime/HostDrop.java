package dev.wasidl.runtime;

/**
 * What runs when a guest drops its last owning handle to a host-defined resource: {@code rep} is
 * the representation the host gave out, {@code cx} the dropping instance's context (so per-instance
 * host state, e.g. a handle table kept in {@link CallContext#data()}, can release it).
 */
@FunctionalInterface
public interface HostDrop {
  /** A resource type whose drop needs no host action. */
  HostDrop NONE = (cx, rep) -> {};

  void drop(CallContext cx, int rep);
}
