package dev.wasidl.runtime;

import dev.wasidl.types.FuncType;

/**
 * Whether a host function defined with a WIT type can serve a component's import: the same
 * parameter types in order and the same result, compared as resolved types (so resource types by
 * identity: the import must use the linker's own resource types). Parameter names are labels and
 * may differ.
 */
final class HostTypes {
  private HostTypes() {}

  static boolean matches(FuncType imported, FuncType defined) {
    return imported.paramTypes().equals(defined.paramTypes())
        && imported.result().equals(defined.result());
  }
}
