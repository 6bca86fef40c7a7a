package dev.wasidl.bindgen.wit.ast;

/** An item of an interface: a {@code use}, a type definition or a function. */
public sealed interface InterfaceItem permits UseDecl, TypeDecl, FuncDecl {}
