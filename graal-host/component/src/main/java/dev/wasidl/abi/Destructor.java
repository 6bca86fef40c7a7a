package dev.wasidl.abi;

/**
 * What {@code resource.drop} runs when an owning handle is dropped: the guest's {@code dtor} for a
 * guest-defined resource, or the host's drop hook for a host-defined one.
 */
@FunctionalInterface
public interface Destructor {
  /** A resource type without destructor. */
  Destructor NONE = rep -> {};

  void destroy(int rep);
}
