package dev.wasidl.component;

/** {@code (export "name" externtype)} as declared by a component or instance type. */
public record ExportDecl(ExternName name, NameAttributes attributes, ExternType type)
    implements Decl {}
