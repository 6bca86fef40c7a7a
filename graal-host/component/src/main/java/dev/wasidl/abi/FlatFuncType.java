package dev.wasidl.abi;

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
