package dev.wasidl.component;

/** A declarator of a core module type ({@code core:moduledecl}). */
public sealed interface CoreModuleDecl
    permits CoreType, CoreModuleDecl.Import, CoreModuleDecl.OuterAlias, CoreModuleDecl.Export {

  /** {@code (import ...)}. */
  record Import(CoreImport imp) implements CoreModuleDecl {}

  /** {@code (alias outer ct idx (type))}. */
  record OuterAlias(int count, int index) implements CoreModuleDecl {}

  /** {@code (export n t)}. */
  record Export(String name, CoreExternType type) implements CoreModuleDecl {}
}
