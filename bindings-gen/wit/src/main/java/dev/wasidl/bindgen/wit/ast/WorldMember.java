package dev.wasidl.bindgen.wit.ast;

/** An item of a world: import, export, include, use or type definition. */
public sealed interface WorldMember permits ExternDecl, IncludeDecl, UseDecl, TypeDecl {}
