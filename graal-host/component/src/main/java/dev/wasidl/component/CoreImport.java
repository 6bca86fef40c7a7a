package dev.wasidl.component;

/** A core module import ({@code core:import}). */
public record CoreImport(String module, String name, CoreExternType type) {}
