package dev.wasidl.component;

import java.util.List;

/** {@code (enum l+)}. */
public record EnumType(List<String> labels) implements DefValType {
  public EnumType {
    labels = List.copyOf(labels);
  }
}
