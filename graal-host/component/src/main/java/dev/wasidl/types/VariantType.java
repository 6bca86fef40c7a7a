package dev.wasidl.types;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code variant { name(T), name, ... }}: named cases with optional payloads (at least one). */
public record VariantType(List<Case> cases) implements Type {
  /** A case and its payload type, if any. */
  public record Case(String name, Optional<Type> type) {
    public Case {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }

    /** A case carrying a {@code type} payload. */
    public static Case of(String name, Type type) {
      return new Case(name, Optional.of(type));
    }

    /** A case without payload. */
    public static Case of(String name) {
      return new Case(name, Optional.empty());
    }

    @Override
    public String toString() {
      return type.map(t -> name + "(" + t + ")").orElse(name);
    }
  }

  public VariantType {
    cases = List.copyOf(cases);
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("a variant needs at least one case");
    }
  }

  /** A variant of {@code cases}. */
  public static VariantType of(Case... cases) {
    return new VariantType(List.of(cases));
  }

  /** The index of the case named {@code name}, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < cases.size(); i++) {
      if (cases.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return cases.stream().map(Case::toString).collect(Collectors.joining(", ", "variant { ", " }"));
  }
}
