package dev.wasidl.component;

import java.util.OptionalInt;

/**
 * The canonical options of a lift or lower ({@code canonopt*}); the string encoding defaults to
 * UTF-8, the others to none. Indices are core func / core memory indices.
 */
public record CanonOptions(
    StringEncoding stringEncoding,
    OptionalInt memory,
    OptionalInt realloc,
    OptionalInt postReturn) {
  /** No options. */
  public static final CanonOptions DEFAULT =
      new CanonOptions(
          StringEncoding.UTF8, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());
}
