package dev.wasidl.abi;

/**
 * Where {@code lift_flat} reads core values from: a {@link CoreValueIter} or a variant's coercion.
 */
interface FlatSource {
  /** The next value, as a {@code want}. */
  long next(FlatType want);
}
