package dev.wasidl.component;

import java.util.OptionalLong;

/** Core limits of a table or memory. */
public record Limits(long min, OptionalLong max) {}
