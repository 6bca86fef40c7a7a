package dev.wasidl.bindgen.wit;

import java.util.List;
import java.util.Optional;

/**
 * A resolved interface: its types in source order (with {@code use}d names as {@link
 * TypeDefKind.Alias} entries) and its functions in source order, resource functions included.
 * {@link #owner()} is how {@link TypeRef}s name it.
 */
public record Interface(
    TypeOwner owner, List<TypeDef> types, List<WitFunction> functions, String docs, Gate gate) {
  public Interface {
    types = List.copyOf(types);
    functions = List.copyOf(functions);
  }

  /** The interface's name; for an inline interface, its plain name in the world. */
  public String name() {
    return switch (owner) {
      case TypeOwner.Interface i -> i.name();
      case TypeOwner.InlineInterface i -> i.name();
      case TypeOwner.World w -> w.name();
    };
  }

  public Optional<TypeDef> type(String name) {
    return types.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The function with the given component-level name ({@code f}, {@code [method]r.f}, ...). */
  public Optional<WitFunction> function(String componentName) {
    return functions.stream().filter(f -> f.componentName().equals(componentName)).findFirst();
  }

  /** The constructor, methods and static functions of resource {@code resource}, in order. */
  public List<WitFunction> resourceFunctions(String resource) {
    return functions.stream()
        .filter(
            f ->
                switch (f.kind()) {
                  case FunctionKind.Freestanding() -> false;
                  case FunctionKind.Method(TypeRef r) -> r.name().equals(resource);
                  case FunctionKind.Static(TypeRef r) -> r.name().equals(resource);
                  case FunctionKind.Constructor(TypeRef r) -> r.name().equals(resource);
                })
        .toList();
  }

  /** The method {@code resource.method}. */
  public Optional<WitFunction> method(String resource, String method) {
    return function("[method]" + resource + "." + method);
  }
}
