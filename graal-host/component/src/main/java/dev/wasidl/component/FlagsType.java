package dev.wasidl.component;

import java.util.List;

/** {@code (flags l+)}, at most 32 labels. */
public record FlagsType(List<String> labels) implements DefValType {
  public FlagsType {
    labels = List.copyOf(labels);
  }
}
