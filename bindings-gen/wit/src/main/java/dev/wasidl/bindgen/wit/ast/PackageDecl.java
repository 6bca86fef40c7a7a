package dev.wasidl.bindgen.wit.ast;

import dev.wasidl.bindgen.wit.PackageName;

/** {@code package ns:name@version}, with the docs written before it. */
public record PackageDecl(PackageName name, String docs, Span span) {}
