package dev.wasidl.bindgen.wit.ast;

import dev.wasidl.bindgen.wit.Gate;
import java.util.List;
import java.util.Optional;

/** An item of a package: a top-level {@code use}, an {@code interface} or a {@code world}. */
public sealed interface TopItem {
  Span span();

  /** {@code use ns:pkg/iface@v as name;}. */
  record TopUse(UsePath path, Optional<Ident> as, Span span) implements TopItem {
    /** The name the file uses for the interface. */
    public Ident localName() {
      return as.orElse(path.name());
    }
  }

  /** {@code interface name { items }}. */
  record InterfaceDecl(Ident name, List<InterfaceItem> items, String docs, Gate gate, Span span)
      implements TopItem {
    public InterfaceDecl {
      items = List.copyOf(items);
    }
  }

  /** {@code world name { items }}. */
  record WorldDecl(Ident name, List<WorldMember> items, String docs, Gate gate, Span span)
      implements TopItem {
    public WorldDecl {
      items = List.copyOf(items);
    }
  }
}
