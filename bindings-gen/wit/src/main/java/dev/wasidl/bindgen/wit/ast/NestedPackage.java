package dev.wasidl.bindgen.wit.ast;

import java.util.List;

/** {@code package ns:name@version { items }}. */
public record NestedPackage(PackageDecl decl, List<TopItem> items) {
  public NestedPackage {
    items = List.copyOf(items);
  }
}
