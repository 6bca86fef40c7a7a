package dev.wasidl.component;

/** A {@code valtype} referring to the {@code defvaltype} at {@code index} of the type space. */
public record TypeIndex(int index) implements ValType {}
