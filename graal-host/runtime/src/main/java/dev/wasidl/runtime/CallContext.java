package dev.wasidl.runtime;

/**
 * What a host function may touch during one call: the calling instance's state, e.g. to keep
 * per-instance host data. Valid only during the call.
 */
public interface CallContext {
  /** The per-instance data the application attached at instantiation (or null). */
  Object data();
}
