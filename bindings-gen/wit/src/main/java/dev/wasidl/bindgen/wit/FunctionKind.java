package dev.wasidl.bindgen.wit;

/** A freestanding function or one of a resource's functions. */
public sealed interface FunctionKind {
  /** {@code f: func(...)}. */
  record Freestanding() implements FunctionKind {}

  /** {@code f: func(...)} in a resource: its first parameter is {@code self: borrow<r>}. */
  record Method(TypeRef resource) implements FunctionKind {}

  /** {@code f: static func(...)} in a resource. */
  record Static(TypeRef resource) implements FunctionKind {}

  /** {@code constructor(...)} in a resource: it returns an owned {@code r}. */
  record Constructor(TypeRef resource) implements FunctionKind {}
}
