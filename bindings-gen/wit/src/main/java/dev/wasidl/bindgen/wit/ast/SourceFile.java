package dev.wasidl.bindgen.wit.ast;

import java.util.List;
import java.util.Optional;

/**
 * One parsed {@code .wit} file: its optional {@code package} header, its top-level items (which
 * belong to that package), and its nested {@code package ... { }} blocks.
 */
public record SourceFile(
    String path, Optional<PackageDecl> pkg, List<TopItem> items, List<NestedPackage> nested) {
  public SourceFile {
    items = List.copyOf(items);
    nested = List.copyOf(nested);
  }
}
