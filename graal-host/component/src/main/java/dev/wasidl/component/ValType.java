package dev.wasidl.component;

/** A value type as written in other types: a primitive or an index into the type space. */
public sealed interface ValType permits PrimValType, TypeIndex {}
