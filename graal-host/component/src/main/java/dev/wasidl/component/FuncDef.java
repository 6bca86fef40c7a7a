package dev.wasidl.component;

import java.util.List;
import java.util.Optional;

/** {@code (func (param l t)* (result t)?)}. */
public record FuncDef(List<LabelValType> params, Optional<ValType> result) implements DefType {
  public FuncDef {
    params = List.copyOf(params);
  }
}
