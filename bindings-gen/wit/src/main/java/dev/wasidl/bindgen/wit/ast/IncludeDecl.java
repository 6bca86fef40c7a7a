package dev.wasidl.bindgen.wit.ast;

import dev.wasidl.bindgen.wit.Gate;
import java.util.List;

/** {@code include path with { a as b };}. */
public record IncludeDecl(UsePath world, List<Rename> with, Gate gate, Span span)
    implements WorldMember {
  public IncludeDecl {
    with = List.copyOf(with);
  }

  /** {@code a as b}. */
  public record Rename(Ident from, Ident to) {}
}
