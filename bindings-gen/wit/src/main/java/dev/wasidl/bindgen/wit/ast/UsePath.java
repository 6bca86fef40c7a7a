package dev.wasidl.bindgen.wit.ast;

import dev.wasidl.bindgen.wit.PackageName;

/** The {@code use-path} production: a local name or {@code ns:pkg/name@version}. */
public sealed interface UsePath {
  Span span();

  /** The name at the end of the path. */
  Ident name();

  /** An interface or world of this package, or a name from a top-level {@code use}. */
  record Local(Ident name) implements UsePath {
    @Override
    public Span span() {
      return name.span();
    }
  }

  /** {@code ns:pkg/name@version}. */
  record Qualified(PackageName pkg, Ident name, Span span) implements UsePath {}
}
