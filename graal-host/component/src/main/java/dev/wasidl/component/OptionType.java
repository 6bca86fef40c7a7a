package dev.wasidl.component;

/** {@code (option t)}. */
public record OptionType(ValType type) implements DefValType {}
