package dev.wasidl.bindings;

/** WIT's {@code tuple} of 3 values. */
public record Tuple3<A, B, C>(A v0, B v1, C v2) {}
