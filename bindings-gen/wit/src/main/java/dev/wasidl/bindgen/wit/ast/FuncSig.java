package dev.wasidl.bindgen.wit.ast;

import java.util.List;
import java.util.Optional;

/** {@code async? func(params) -> result}. */
public record FuncSig(boolean async, List<ParamDecl> params, Optional<TypeExpr> result) {
  public FuncSig {
    params = List.copyOf(params);
  }

  /** {@code name: T}. */
  public record ParamDecl(Ident name, TypeExpr type) {}
}
