package dev.wasidl.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A C function type built at run time: parameter types, an optional result type, and for variadic
 * functions the index of the first variadic argument (the types of the variadic arguments of one
 * call are part of the signature, as in C's default argument promotions and in {@link
 * java.lang.foreign.Linker.Option#firstVariadicArg}).
 */
public record Signature(List<FfiType> params, Optional<FfiType> result, OptionalInt firstVariadic) {

  /** Validates and copies. */
  public Signature {
    params = List.copyOf(params);
    if (firstVariadic.isPresent()
        && (firstVariadic.getAsInt() < 0 || firstVariadic.getAsInt() > params.size())) {
      throw new TypeMismatchException(
          "first variadic argument "
              + firstVariadic.getAsInt()
              + " is outside 0.."
              + params.size());
    }
  }

  /** A function returning {@code result}. */
  public static Signature of(FfiType result, FfiType... params) {
    return new Signature(List.of(params), Optional.of(result), OptionalInt.empty());
  }

  /** A function returning nothing. */
  public static Signature ofVoid(FfiType... params) {
    return new Signature(List.of(params), Optional.empty(), OptionalInt.empty());
  }

  /** wasi:dl's form: {@code args} and {@code option<ffi-type>} for the result. */
  public static Signature of(List<? extends FfiType> params, Optional<? extends FfiType> result) {
    return new Signature(List.copyOf(params), result.map(FfiType.class::cast), OptionalInt.empty());
  }

  /**
   * Parses the text form that {@link #toString()} prints, e.g. {@code (c-int, pointer) -> c-double}
   * or {@code (pointer, ... c-int)} (variadic from the {@code ...}, void without an arrow).
   *
   * @throws IllegalArgumentException naming the column of the error
   */
  public static Signature parse(String text) {
    return SignatureParser.parse(text);
  }

  /** This signature with arguments from {@code index} on passed as C variadic arguments. */
  public Signature withFirstVariadic(int index) {
    return new Signature(params, result, OptionalInt.of(index));
  }

  /** True if parameter {@code i} is a variadic argument. */
  public boolean isVariadic(int i) {
    return firstVariadic.isPresent() && i >= firstVariadic.getAsInt();
  }

  /** True if any parameter or the result is a struct (passed by value). */
  public boolean hasStructs() {
    return result.orElse(PrimitiveType.C_INT) instanceof StructType
        || params.stream().anyMatch(StructType.class::isInstance);
  }

  /**
   * The linker's descriptor: C layouts, with variadic arguments promoted as C promotes them ({@code
   * float} to {@code double}, integers narrower than {@code int} to {@code int}).
   */
  public FunctionDescriptor descriptor() {
    MemoryLayout[] layouts = new MemoryLayout[params.size()];
    for (int i = 0; i < layouts.length; i++) {
      layouts[i] = isVariadic(i) ? promoted(params.get(i)).layout() : params.get(i).layout();
    }
    return result
        .map(r -> FunctionDescriptor.of(r.layout(), layouts))
        .orElseGet(() -> FunctionDescriptor.ofVoid(layouts));
  }

  /** The type a variadic argument of {@code type} is passed as. */
  static FfiType promoted(FfiType type) {
    return switch (type) {
      case PrimitiveType p when p == PrimitiveType.C_FLOAT -> PrimitiveType.C_DOUBLE;
      case PrimitiveType p when p.isInteger() && p.byteSize() < PrimitiveType.C_INT.byteSize() ->
          PrimitiveType.C_INT;
      default -> type;
    };
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < params.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      if (firstVariadic.isPresent() && firstVariadic.getAsInt() == i) {
        b.append("... ");
      }

      b.append(params.get(i).witName());
    }
    if (firstVariadic.isPresent() && firstVariadic.getAsInt() == params.size()) {
      b.append(params.isEmpty() ? "..." : ", ...");
    }
    b.append(')');
    result.ifPresent(r -> b.append(" -> ").append(r.witName()));
    return b.toString();
  }
}
