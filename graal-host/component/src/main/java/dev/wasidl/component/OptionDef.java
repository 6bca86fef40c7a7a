package dev.wasidl.component;

/** {@code (option t)}. */
public record OptionDef(ValType type) implements DefValType {}
