package dev.wasidl.component;

import java.util.List;

/** {@code (variant (case l t?)+)}. */
public record VariantType(List<Case> cases) implements DefValType {
  public VariantType {
    cases = List.copyOf(cases);
  }
}
