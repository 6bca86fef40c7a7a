package dev.wasidl.component;

import java.util.Optional;

/**
 * {@code (export "name" si externtype?)}: exports definition {@code target}; it also adds a new
 * index to the target's index space, aliasing the exported definition.
 */
public record Export(
    ExternName name, NameAttributes attributes, SortIndex target, Optional<ExternType> type)
    implements Definition {}
