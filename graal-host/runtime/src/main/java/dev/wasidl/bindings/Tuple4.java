package dev.wasidl.bindings;

/** WIT's {@code tuple} of 4 values. */
public record Tuple4<A, B, C, D>(A v0, B v1, C v2, D v3) {}
