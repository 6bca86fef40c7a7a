package dev.wasidl.bindgen.wit;

/**
 * A reference to a named type: the name under which {@code owner} defines it. {@link
 * Resolve#definition(TypeRef)} follows {@code use} and {@code type} aliases to the definition.
 */
public record TypeRef(TypeOwner owner, String name) {
  @Override
  public String toString() {
    return owner + "." + name;
  }
}
