package dev.wasidl.bindgen.wit;

/**
 * Where a named type is defined: an interface of a package, a world (types declared directly in a
 * world), or an inline interface imported or exported by a world ({@code import x: interface { ...
 * }}).
 */
public sealed interface TypeOwner {
  /** The package the owner belongs to. */
  PackageName pkg();

  /** A named interface, {@code ns:pkg/name@version}. */
  record Interface(PackageName pkg, String name) implements TypeOwner {
    @Override
    public String toString() {
      return pkg.qualify(name);
    }
  }

  /** A world's own types. */
  record World(PackageName pkg, String name) implements TypeOwner {
    @Override
    public String toString() {
      return pkg.qualify(name);
    }
  }

  /** An inline interface: the world, whether it is exported, and its plain name in the world. */
  record InlineInterface(PackageName pkg, String world, boolean export, String name)
      implements TypeOwner {
    @Override
    public String toString() {
      return pkg.qualify(world) + (export ? " export " : " import ") + name;
    }
  }
}
