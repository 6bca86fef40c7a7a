package dev.wasidl.bindgen.wit.ast;

/** An identifier as written ({@code %} removed), with its place. */
public record Ident(String name, Span span) {}
