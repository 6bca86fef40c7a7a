package dev.wasidl.component;

import java.util.List;

/** {@code (component cd*)}: validated with its own, initially empty, type space. */
public record ComponentType(List<Decl> decls) implements DefType {
  public ComponentType {
    decls = List.copyOf(decls);
  }

  /** The import declarators, in order. */
  public List<Import> imports() {
    return decls.stream().filter(Import.class::isInstance).map(Import.class::cast).toList();
  }

  /** The export declarators, in order. */
  public List<ExportDecl> exports() {
    return decls.stream().filter(ExportDecl.class::isInstance).map(ExportDecl.class::cast).toList();
  }

  /** This component type's own type index space (see {@link TypeSpace}). */
  public List<Decl> typeSpace() {
    return TypeSpace.of(decls);
  }

  /** The export declarator named {@code name}, if any. */
  public java.util.Optional<ExportDecl> export(String name) {
    return exports().stream().filter(e -> e.name().text().equals(name)).findFirst();
  }
}
