package dev.wasidl.types;

import java.util.List;

/** {@code enum { name, ... }} (at least one case). */
public record EnumType(List<String> names) implements Type {
  public EnumType {
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("an enum needs at least one case");
    }
  }

  /** An enum of {@code names}. */
  public static EnumType of(String... names) {
    return new EnumType(List.of(names));
  }

  @Override
  public String toString() {
    return "enum { " + String.join(", ", names) + " }";
  }
}
