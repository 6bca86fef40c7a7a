package dev.wasidl.types;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** {@code record { name: T, ... }}: named fields, in order (at least one). */
public record RecordType(List<Field> fields) implements Type {
  /** A named field. */
  public record Field(String name, Type type) {
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
      return name + ": " + type;
    }
  }

  public RecordType {
    fields = List.copyOf(fields);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("a record needs at least one field");
    }
  }

  /** A record of {@code fields}. */
  public static RecordType of(Field... fields) {
    return new RecordType(List.of(fields));
  }

  /** The field types, in order. */
  public List<Type> types() {
    return fields.stream().map(Field::type).toList();
  }

  @Override
  public String toString() {
    return fields.stream()
        .map(Field::toString)
        .collect(Collectors.joining(", ", "record { ", " }"));
  }
}
