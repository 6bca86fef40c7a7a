package dev.wasidl.types;

import java.util.Objects;

/** {@code option<T>}. */
public record OptionType(Type type) implements Type {
  public OptionType {
    Objects.requireNonNull(type, "type");
  }

  @Override
  public String toString() {
    return "option<" + type + ">";
  }
}
