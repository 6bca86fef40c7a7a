package dev.wasidl.component;

import java.util.OptionalInt;

/**
 * {@code (resource (rep i32) (dtor f)?)}: a fresh resource type defined by this component.
 *
 * @param rep the core representation (always {@code i32} in preview 2)
 * @param destructor the core function index of the destructor, if any
 */
public record ResourceDef(CoreValType rep, OptionalInt destructor) implements DefType {}
