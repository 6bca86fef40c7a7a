package dev.wasidl.component;

import java.util.ArrayList;
import java.util.List;

/**
 * The type index space local to a component type or instance type: entry {@code i} is the
 * declarator that introduced type index {@code i} (a {@link DefType}, an {@link Alias} of sort
 * type, or an {@link Import} or {@link ExportDecl} of a type).
 */
public final class TypeSpace {
  private TypeSpace() {}

  /** The type index space built by {@code decls}, in order. */
  public static List<Decl> of(List<Decl> decls) {
    List<Decl> space = new ArrayList<>();
    for (Decl d : decls) {
      boolean addsType =
          switch (d) {
            case CoreType c -> false;
            case DefType t -> true;
            case Alias a -> a.sort() == Sort.TYPE;
            case ExportDecl e -> e.type().sort() == Sort.TYPE;
            case Import i -> i.type().sort() == Sort.TYPE;
          };
      if (addsType) {
        space.add(d);
      }
    }
    return List.copyOf(space);
  }
}
