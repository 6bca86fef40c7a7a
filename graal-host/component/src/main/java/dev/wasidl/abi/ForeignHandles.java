package dev.wasidl.abi;

import dev.wasidl.types.ResourceType;

/**
 * Handles of some resource types that a component instance keeps outside its {@link ResourceTable}:
 * in wasm, by a host adapter that implements those types' functions inside the instance. Their
 * indices start at {@link #FIRST}, above every index a table gives out, so the table passes their
 * lifts, and every lower of those types, to the keeper.
 */
public interface ForeignHandles {
  /** The first foreign index; a foreign index has bit 30 set and bit 31 clear. */
  int FIRST = 0x4000_0000;

  /** Whether {@code i} is in the foreign range. */
  static boolean isForeign(int i) {
    return (i & 0xC000_0000) == FIRST;
  }

  /**
   * The spec's {@code lift_own} of foreign handle {@code i}: removes it and gives the host's
   * representation of its value.
   *
   * @throws Trap if {@code i} is not a live handle of {@code type}
   */
  int liftOwn(ResourceType type, int i);

  /** The spec's {@code lower_own} of the host's {@code rep}: a new foreign handle to it. */
  int lowerOwn(ResourceType type, int rep);
}
