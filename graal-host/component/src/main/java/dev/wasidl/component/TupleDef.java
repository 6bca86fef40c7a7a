package dev.wasidl.component;

import java.util.List;

/** {@code (tuple t+)}. */
public record TupleDef(List<ValType> types) implements DefValType {
  public TupleDef {
    types = List.copyOf(types);
  }
}
