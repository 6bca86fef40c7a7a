package dev.wasidl.component;

import java.util.List;

/** {@code (enum l+)}. */
public record EnumDef(List<String> labels) implements DefValType {
  public EnumDef {
    labels = List.copyOf(labels);
  }
}
