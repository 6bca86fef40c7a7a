package dev.wasidl.abi;

/**
 * The core value types a component value flattens to. On the Java side every flat value is a {@code
 * long}: see {@link CoreValueIter} for the convention.
 */
public enum FlatType {
  I32,
  I64,
  F32,
  F64;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
