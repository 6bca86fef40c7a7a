package dev.wasidl.component;

import java.util.List;

/** {@code (flags l+)}, at most 32 labels. */
public record FlagsDef(List<String> labels) implements DefValType {
  public FlagsDef {
    labels = List.copyOf(labels);
  }
}
