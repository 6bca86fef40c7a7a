package dev.wasidl.types;

import java.util.Objects;

/** {@code list<T>}. */
public record ListType(Type element) implements Type {
  public ListType {
    Objects.requireNonNull(element, "element");
  }

  @Override
  public String toString() {
    return "list<" + element + ">";
  }
}
