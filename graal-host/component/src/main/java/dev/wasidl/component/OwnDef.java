package dev.wasidl.component;

/** {@code (own i)}: an owned handle to the resource type at {@code resource}. */
public record OwnDef(int resource) implements DefValType {}
