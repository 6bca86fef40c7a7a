package dev.wasidl.component;

/** {@code (list t)}. */
public record ListType(ValType element) implements DefValType {}
