package dev.wasidl.component;

import java.util.List;

/** A component instance definition ({@code instanceexpr}). */
public sealed interface InstanceExpr extends Definition {
  /** {@code (instantiate c (with n si)*)}. */
  record Instantiate(int component, List<Arg> args) implements InstanceExpr {
    public Instantiate {
      args = List.copyOf(args);
    }
  }

  /** An instance made of inline exports of existing definitions. */
  record FromExports(List<Export> exports) implements InstanceExpr {
    public FromExports {
      exports = List.copyOf(exports);
    }
  }

  /** {@code (with n si)}. */
  record Arg(String name, SortIndex target) {}

  /** {@code (export na si)}. */
  record Export(ExternName name, NameAttributes attributes, SortIndex target) {}
}
