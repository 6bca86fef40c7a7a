package dev.wasidl.bindings;

/** WIT's {@code tuple} of 2 values. */
public record Tuple2<A, B>(A v0, B v1) {}
