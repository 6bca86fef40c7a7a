package dev.wasidl.bindgen.wit;

/**
 * One import or export of a resolved world. {@link #key()} is the name in the component: an
 * interface's qualified name or a plain name.
 */
public sealed interface WorldItem {
  String key();

  String docs();

  Gate gate();

  /** {@code import ns:pkg/iface@v;} (or an implicit import of a used interface). */
  record InterfaceItem(TypeOwner.Interface iface, String docs, Gate gate) implements WorldItem {
    @Override
    public String key() {
      return iface.toString();
    }
  }

  /** {@code import name: ns:pkg/iface;}: a plain name that implements a named interface. */
  record NamedInterface(String name, TypeOwner.Interface iface, String docs, Gate gate)
      implements WorldItem {
    @Override
    public String key() {
      return name;
    }
  }

  /** {@code import name: interface { ... }}. */
  record InlineInterface(Interface iface) implements WorldItem {
    @Override
    public String key() {
      return iface.name();
    }

    @Override
    public String docs() {
      return iface.docs();
    }

    @Override
    public Gate gate() {
      return iface.gate();
    }
  }

  /**
   * {@code import name: func(...);}, or a function of a resource declared in the world (keyed by
   * its component-level name, {@code [method]r.f}).
   */
  record FunctionItem(WitFunction function) implements WorldItem {
    @Override
    public String key() {
      return function.componentName();
    }

    @Override
    public String docs() {
      return function.docs();
    }

    @Override
    public Gate gate() {
      return function.gate();
    }
  }

  /** A type declared or {@code use}d in the world; always an import. */
  record TypeItem(TypeDef type) implements WorldItem {
    @Override
    public String key() {
      return type.name();
    }

    @Override
    public String docs() {
      return type.docs();
    }

    @Override
    public Gate gate() {
      return type.gate();
    }
  }
}
