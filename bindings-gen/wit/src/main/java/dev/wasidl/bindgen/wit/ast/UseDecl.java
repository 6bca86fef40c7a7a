package dev.wasidl.bindgen.wit.ast;

import dev.wasidl.bindgen.wit.Gate;
import java.util.List;
import java.util.Optional;

/** {@code use path.{a, b as c};}. */
public record UseDecl(UsePath from, List<UseName> names, String docs, Gate gate, Span span)
    implements InterfaceItem, WorldMember {
  public UseDecl {
    names = List.copyOf(names);
  }

  /** {@code a} or {@code a as b}. */
  public record UseName(Ident name, Optional<Ident> as) {
    public Ident localName() {
      return as.orElse(name);
    }
  }
}
