package dev.wasidl.component;

/** {@code (list t)}. */
public record ListDef(ValType element) implements DefValType {}
