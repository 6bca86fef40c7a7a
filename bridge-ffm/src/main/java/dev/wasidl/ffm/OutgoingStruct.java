package dev.wasidl.ffm;

import java.util.List;

/** A struct passed to C, wasi:dl's {@code outgoing-struct}: one value per field, in order. */
public record OutgoingStruct(List<OutgoingValue> fields) implements OutgoingValue {

  /** Copies the field list. */
  public OutgoingStruct {
    fields = List.copyOf(fields);
    if (fields.isEmpty()) {
      throw new TypeMismatchException("an outgoing-struct needs at least one field");
    }
  }

  /** A struct of these field values. */
  public static OutgoingStruct of(OutgoingValue... fields) {
    return new OutgoingStruct(List.of(fields));
  }

  /** The struct type implied by the field values. */
  @Override
  public StructType type() {
    return StructType.of(fields.stream().map(OutgoingValue::type).toList());
  }
}
