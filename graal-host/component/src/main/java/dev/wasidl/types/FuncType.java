package dev.wasidl.types;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code func(name: T, ...) -> R}: named parameters and an optional result. */
public record FuncType(List<Param> params, Optional<Type> result) {
  /** A named parameter. */
  public record Param(String name, Type type) {
    public Param {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
      return name + ": " + type;
    }
  }

  public FuncType {
    params = List.copyOf(params);
    Objects.requireNonNull(result, "result");
  }

  /** The parameter types, in order. */
  public List<Type> paramTypes() {
    return params.stream().map(Param::type).toList();
  }

  /** The result types: none or one. */
  public List<Type> resultTypes() {
    return result.map(List::of).orElse(List.of());
  }

  @Override
  public String toString() {
    String ps =
        params.stream().map(Param::toString).collect(Collectors.joining(", ", "func(", ")"));
    return result.map(r -> ps + " -> " + r).orElse(ps);
  }
}
