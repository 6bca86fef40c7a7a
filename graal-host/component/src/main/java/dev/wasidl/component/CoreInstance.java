package dev.wasidl.component;

import java.util.List;

/** A core instance definition ({@code core:instanceexpr}). */
public sealed interface CoreInstance extends Definition {
  /** {@code (instantiate m (with n (instance i))*)}. */
  record Instantiate(int module, List<Arg> args) implements CoreInstance {
    public Instantiate {
      args = List.copyOf(args);
    }
  }

  /** An instance made of inline exports of existing core definitions. */
  record FromExports(List<Export> exports) implements CoreInstance {
    public FromExports {
      exports = List.copyOf(exports);
    }
  }

  /** {@code (with n (instance i))}: the core instance supplying the imports of module {@code n}. */
  record Arg(String name, int instance) {}

  /** {@code (export n si)} of a core instance made from exports. */
  record Export(String name, SortIndex target) {}
}
