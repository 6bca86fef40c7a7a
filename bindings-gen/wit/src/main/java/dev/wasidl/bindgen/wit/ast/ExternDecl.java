package dev.wasidl.bindgen.wit.ast;

import dev.wasidl.bindgen.wit.Gate;
import java.util.List;

/** {@code import ...;} or {@code export ...;} in a world. */
public record ExternDecl(boolean export, Extern extern, String docs, Gate gate, Span span)
    implements WorldMember {

  /** What is imported or exported. */
  public sealed interface Extern {}

  /** {@code import ns:pkg/iface;} or {@code import iface;}. */
  public record ByPath(UsePath path) implements Extern {}

  /** {@code import name: ns:pkg/iface;}. */
  public record NamedPath(Ident name, UsePath path) implements Extern {}

  /** {@code import name: func(...);}. */
  public record NamedFunc(Ident name, FuncSig sig) implements Extern {}

  /** {@code import name: interface { ... }}. */
  public record NamedInterface(Ident name, List<InterfaceItem> items) implements Extern {
    public NamedInterface {
      items = List.copyOf(items);
    }
  }
}
