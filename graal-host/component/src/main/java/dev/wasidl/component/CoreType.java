package dev.wasidl.component;

import java.util.List;

/** A core type definition ({@code core:type}): a function type or a module type. */
public sealed interface CoreType extends Definition, Decl, CoreModuleDecl {
  /** A core function type. */
  record Func(List<CoreValType> params, List<CoreValType> results) implements CoreType {
    public Func {
      params = List.copyOf(params);
      results = List.copyOf(results);
    }
  }

  /** A core module type ({@code (module md*)}), validated with its own empty type space. */
  record Module(List<CoreModuleDecl> decls) implements CoreType {
    public Module {
      decls = List.copyOf(decls);
    }
  }
}
