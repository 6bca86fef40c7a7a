package dev.wasidl.component;

/** The bound of an imported or exported type ({@code typebound}). */
public sealed interface TypeBound {
  /** {@code (eq i)}: the same type as type index {@code type}. */
  record Eq(int type) implements TypeBound {}

  /** {@code (sub resource)}: a fresh abstract resource type. */
  record SubResource() implements TypeBound {}
}
