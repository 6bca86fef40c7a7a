package dev.wasidl.bindgen.c;

import dev.wasidl.ffm.FfiType;
import dev.wasidl.ffm.Signature;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A C function declaration mapped to wasi:dl types. A variadic function keeps its fixed parameters,
 * and its {@link #signature()} marks where the variadic arguments begin.
 *
 * @param name the symbol
 * @param params the fixed parameters
 * @param result the result, empty for {@code void}
 * @param variadic true when the prototype ends in {@code ...}
 * @param declaration the C prototype, types as clang spells them: {@code double cos(double x)}
 * @param location {@code file:line:column} of the declaration
 */
public record CFunction(
    String name,
    List<CParam> params,
    Optional<CParam> result,
    boolean variadic,
    String declaration,
    String location) {

  /** Copies the lists. */
  public CFunction {
    params = List.copyOf(params);
  }

  /**
   * The wasi:dl signature: the parameter types, the result type, and for a variadic function the
   * variadic marker after the fixed part ({@code (c-int, ...) -> c-int}).
   */
  public Signature signature() {
    List<FfiType> types = params.stream().map(CParam::type).toList();
    return new Signature(
        types,
        result.map(CParam::type),
        variadic ? OptionalInt.of(types.size()) : OptionalInt.empty());
  }

  /** The pin-file line: {@code name: (c-int, pointer) -> c-double}. */
  public String pin() {
    return name + ": " + signature();
  }
}
