package dev.wasidl.runtime;

import dev.wasidl.types.FuncType;
import dev.wasidl.types.Val;
import dev.wasidl.types.ValCheck;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An exported component function of an {@link Instance}, called with dynamic values. */
public final class Func {
  private final String name;
  private final ComponentFunc func;

  Func(String name, ComponentFunc func) {
    this.name = name;
    this.func = func;
  }

  public String name() {
    return name;
  }

  /** What calls go through: lifted from core wasm, or a host function passed on. */
  ComponentFunc component() {
    return func;
  }

  public FuncType type() {
    return func.type();
  }

  /**
   * Calls the function; its {@code post-return} runs before this returns.
   *
   * @throws IllegalArgumentException if the arguments do not fit the type (checked before the guest
   *     is entered: the instance stays usable)
   * @throws dev.wasidl.abi.Trap if the guest traps (the instance is unusable after)
   */
  public Optional<Val> call(List<Val> args) {
    ValCheck.arguments(name, func.type(), args);
    return func.call(name, args);
  }

  public Optional<Val> call(Val... args) {
    return call(Arrays.asList(args));
  }

  /**
   * This function through Java types, checked now against its WIT type (see {@link TypedFunc}).
   *
   * @throws IllegalArgumentException naming the parameter or result that does not fit
   */
  public <R> TypedFunc<R> typed(Class<R> result, Class<?>... params) {
    return TypedFunc.of(this, result, params);
  }

  @Override
  public String toString() {
    return name + ": " + func.type();
  }
}
