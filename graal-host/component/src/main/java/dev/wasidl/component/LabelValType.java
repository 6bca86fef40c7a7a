package dev.wasidl.component;

/** A record field or function parameter: a label and its type ({@code labelvaltype}). */
public record LabelValType(String label, ValType type) {}
