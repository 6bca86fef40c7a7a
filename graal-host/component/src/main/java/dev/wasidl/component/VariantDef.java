package dev.wasidl.component;

import java.util.List;

/** {@code (variant (case l t?)+)}. */
public record VariantDef(List<Case> cases) implements DefValType {
  public VariantDef {
    cases = List.copyOf(cases);
  }
}
