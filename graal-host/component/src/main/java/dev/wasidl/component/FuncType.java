package dev.wasidl.component;

import java.util.List;
import java.util.Optional;

/** {@code (func (param l t)* (result t)?)}. */
public record FuncType(List<Field> params, Optional<ValType> result) implements DefType {
  public FuncType {
    params = List.copyOf(params);
  }
}
