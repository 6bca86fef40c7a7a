package dev.wasidl.component;

import java.util.List;

/** {@code (tuple t+)}. */
public record TupleType(List<ValType> types) implements DefValType {
  public TupleType {
    types = List.copyOf(types);
  }
}
