package dev.wasidl.component;

/**
 * A declarator of a component type or instance type ({@code componentdecl}, {@code instancedecl});
 * {@link Import} only occurs in component types.
 */
public sealed interface Decl permits CoreType, DefType, Alias, ExportDecl, Import {}
