package dev.wasidl.ffm;

import java.util.List;

/** A struct that came back from C, wasi:dl's {@code incoming-struct}: its field values in order. */
public record IncomingStruct(StructType type, List<IncomingValue> fields) implements IncomingValue {

  /** Copies the field list. */
  public IncomingStruct {
    fields = List.copyOf(fields);
  }

  /** Field {@code i} as a primitive. */
  public IncomingPrimitive primitive(int i) {
    return switch (fields.get(i)) {
      case IncomingPrimitive p -> p;
      case IncomingStruct s ->
          throw new TypeMismatchException("field " + i + " is a struct, not a primitive");
    };
  }

  /** Field {@code i} as a struct. */
  public IncomingStruct struct(int i) {
    return switch (fields.get(i)) {
      case IncomingStruct s -> s;
      case IncomingPrimitive p ->
          throw new TypeMismatchException("field " + i + " is " + p.type() + ", not a struct");
    };
  }
}
