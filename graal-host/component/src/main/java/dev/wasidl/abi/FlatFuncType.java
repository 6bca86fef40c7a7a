package dev.wasidl.abi;

import java.util.ArrayList;
import java.util.List;

/**
 * The core function type a component function type flattens to (the spec's {@code CoreFuncType},
 * from {@code flatten_functype}).
 */
public record FlatFuncType(List<FlatType> params, List<FlatType> results) {
  /** Whether the core function is the lifted callee or the lowered import. */
  public enum Context {
    /** {@code canon lift}: spilled results are returned as a pointer. */
    LIFT,
    /** {@code canon lower}: spilled results are written through a pointer given as last param. */
    LOWER
  }

  /**
   * {@code flatten_functype} (synchronous) from the flattened parameters and results: more than
   * {@link CanonicalAbi#MAX_FLAT_PARAMS} parameters are passed in memory through one pointer; more
   * than {@link CanonicalAbi#MAX_FLAT_RESULTS} results are returned through a pointer ({@link
   * Context#LIFT}) or written through one passed last ({@link Context#LOWER}).
   */
  public static FlatFuncType of(List<FlatType> params, List<FlatType> results, Context context) {
    List<FlatType> ps = params.size() > CanonicalAbi.MAX_FLAT_PARAMS ? FlatType.i32() : params;
    if (results.size() <= CanonicalAbi.MAX_FLAT_RESULTS) {
      return new FlatFuncType(ps, results);
    }
    return switch (context) {
      case LIFT -> new FlatFuncType(ps, FlatType.i32());
      case LOWER -> {
        List<FlatType> withPointer = new ArrayList<>(ps);
        withPointer.add(FlatType.I32);
        yield new FlatFuncType(withPointer, List.of());
      }
    };
  }

  public FlatFuncType {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }

  @Override
  public String toString() {
    return "(func (param" + spaced(params) + ") (result" + spaced(results) + "))";
  }

  private static String spaced(List<FlatType> types) {
    StringBuilder sb = new StringBuilder();
    for (FlatType t : types) {
      sb.append(' ').append(t);
    }
    return sb.toString();
  }
}
