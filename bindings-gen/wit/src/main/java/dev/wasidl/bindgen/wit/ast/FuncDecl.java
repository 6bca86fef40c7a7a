package dev.wasidl.bindgen.wit.ast;

import dev.wasidl.bindgen.wit.Gate;

/** {@code name: func(...) -> T;}. */
public record FuncDecl(Ident name, FuncSig sig, String docs, Gate gate, Span span)
    implements InterfaceItem {}
