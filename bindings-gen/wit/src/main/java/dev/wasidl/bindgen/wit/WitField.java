package dev.wasidl.bindgen.wit;

/** A record field. */
public record WitField(String name, WitType type, String docs) {}
