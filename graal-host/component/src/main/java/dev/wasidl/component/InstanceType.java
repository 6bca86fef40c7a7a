package dev.wasidl.component;

import java.util.List;

/** {@code (instance id*)}: validated with its own, initially empty, type space. */
public record InstanceType(List<Decl> decls) implements DefType {
  public InstanceType {
    decls = List.copyOf(decls);
  }

  /** The export declarators, in order. */
  public List<ExportDecl> exports() {
    return decls.stream().filter(ExportDecl.class::isInstance).map(ExportDecl.class::cast).toList();
  }

  /** This instance type's own type index space (see {@link TypeSpace}). */
  public List<Decl> typeSpace() {
    return TypeSpace.of(decls);
  }

  /** The export declarator named {@code name}, if any. */
  public java.util.Optional<ExportDecl> export(String name) {
    return exports().stream().filter(e -> e.name().text().equals(name)).findFirst();
  }
}
