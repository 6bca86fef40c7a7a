package dev.wasidl.component;

/** {@code (import "name" externtype)}: a definition of a component or a component type's decl. */
public record Import(ExternName name, NameAttributes attributes, ExternType type)
    implements Definition, Decl {}
