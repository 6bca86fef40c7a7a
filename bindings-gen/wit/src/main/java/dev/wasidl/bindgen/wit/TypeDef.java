package dev.wasidl.bindgen.wit;

/** A named type definition of an interface or world, with its docs and gates. */
public record TypeDef(String name, TypeDefKind kind, String docs, Gate gate) {}
