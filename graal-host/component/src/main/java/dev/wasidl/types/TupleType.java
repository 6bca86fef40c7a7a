package dev.wasidl.types;

import java.util.List;
import java.util.stream.Collectors;

/** {@code tuple<T, ...>} (at least one element). */
public record TupleType(List<Type> types) implements Type {
  public TupleType {
    types = List.copyOf(types);
    if (types.isEmpty()) {
      throw new IllegalArgumentException("a tuple needs at least one element");
    }
  }

  /** A tuple of {@code types}. */
  public static TupleType of(Type... types) {
    return new TupleType(List.of(types));
  }

  @Override
  public String toString() {
    return types.stream().map(Type::toString).collect(Collectors.joining(", ", "tuple<", ">"));
  }
}
