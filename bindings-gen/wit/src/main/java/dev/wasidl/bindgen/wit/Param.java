package dev.wasidl.bindgen.wit;

/** A named function parameter. */
public record Param(String name, WitType type) {}
