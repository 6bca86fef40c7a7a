package dev.wasidl.abi;

/** The guest's {@code cabi_realloc} (canon option {@code realloc}): returns the new address. */
@FunctionalInterface
public interface Realloc {
  int realloc(int originalPtr, int originalSize, int alignment, int newSize);
}
