package dev.wasidl.bindgen.wit;

/** A record field. */
public record Field(String name, WitType type, String docs) {}
