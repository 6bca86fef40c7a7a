package dev.wasidl.types;

import java.util.List;

/**
 * {@code flags { name, ... }} (at least one). The spec limits flags to 32 names; longer ones are
 * laid out as the spec did before that limit (one {@code u32} per 32 names).
 */
public record FlagsType(List<String> names) implements Type {
  public FlagsType {
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("flags need at least one name");
    }
  }

  /** Flags of {@code names}. */
  public static FlagsType of(String... names) {
    return new FlagsType(List.of(names));
  }

  @Override
  public String toString() {
    return "flags { " + String.join(", ", names) + " }";
  }
}
