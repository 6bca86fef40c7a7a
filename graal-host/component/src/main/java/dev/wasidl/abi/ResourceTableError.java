package dev.wasidl.abi;

/** The ways a handle can be misused; each surfaces as a {@link ResourceTableException}. */
public enum ResourceTableError {
  /** The table has no room for another handle. */
  FULL,
  /** No handle at that index (never allocated, or already removed). */
  NOT_PRESENT,
  /** The handle is of another resource type, or a borrow where an own is required. */
  WRONG_TYPE,
  /** The handle is lent to a call that has not returned, so it cannot be moved or dropped. */
  HAS_CHILDREN
}
