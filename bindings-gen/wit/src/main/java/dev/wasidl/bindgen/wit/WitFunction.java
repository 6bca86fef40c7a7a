package dev.wasidl.bindgen.wit;

import java.util.List;
import java.util.Optional;

/**
 * A function as the component model sees it: {@link #name()} is the item's WIT name ({@code
 * blocking-read}, or the resource's name for a constructor), {@link #componentName()} the desugared
 * name ({@code [method]input-stream.blocking-read}). A method's params start with {@code self:
 * borrow<r>}, a constructor's result is the owned resource.
 */
public record WitFunction(
    String name,
    FunctionKind kind,
    boolean async,
    List<Param> params,
    Optional<WitType> result,
    String docs,
    Gate gate) {
  public WitFunction {
    params = List.copyOf(params);
  }

  /**
   * The component-level name: {@code f}, {@code [method]r.f}, {@code [static]r.f}, {@code
   * [constructor]r}. Whether the function is {@code async} is part of its type, not its name.
   */
  public String componentName() {
    return switch (kind) {
      case FunctionKind.Freestanding() -> name;
      case FunctionKind.Method(TypeRef r) -> "[method]" + r.name() + "." + name;
      case FunctionKind.Static(TypeRef r) -> "[static]" + r.name() + "." + name;
      case FunctionKind.Constructor(TypeRef r) -> "[constructor]" + r.name();
    };
  }

  /** The parameter named {@code name}. */
  public Optional<Param> param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
