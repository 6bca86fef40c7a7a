package dev.wasidl.component;

/** A record field or function parameter: a label and its type ({@code labelvaltype}). */
public record Field(String label, ValType type) {}
