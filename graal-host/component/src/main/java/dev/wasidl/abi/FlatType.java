package dev.wasidl.abi;

import dev.wasidl.component.CoreValType;
import dev.wasidl.types.Primitive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The core value types a component value flattens to, and the spec's rules for flattening from a
 * type's parts ("Flattening": {@link #of(Primitive)}, {@link #join}, {@link #variant}), shared by
 * every walker of types: the resolved {@link dev.wasidl.types.Type}s, the validator's type indices
 * and the WIT bindings generator. On the Java side every flat value is a {@code long}: see {@link
 * CoreValueIter} for the convention.
 */
public enum FlatType {
  I32,
  I64,
  F32,
  F64;

  /** The core value type this is. */
  public CoreValType core() {
    return switch (this) {
      case I32 -> CoreValType.I32;
      case I64 -> CoreValType.I64;
      case F32 -> CoreValType.F32;
      case F64 -> CoreValType.F64;
    };
  }

  private static final List<FlatType> ONE_I32 = List.of(I32);
  private static final List<FlatType> TWO_I32 = List.of(I32, I32);

  /** {@code flatten_type} of a primitive (a string is a pointer and a length). */
  public static List<FlatType> of(Primitive p) {
    return switch (p) {
      case BOOL, S8, U8, S16, U16, S32, U32, CHAR -> ONE_I32;
      case S64, U64 -> List.of(I64);
      case F32 -> List.of(F32);
      case F64 -> List.of(F64);
      case STRING -> TWO_I32;
    };
  }

  /** {@code flatten_type} of a list or string: a pointer and a length. */
  public static List<FlatType> pointerAndLength() {
    return TWO_I32;
  }

  /** The one {@code i32} of a handle, an enum's discriminant, or at most 32 flags. */
  public static List<FlatType> i32() {
    return ONE_I32;
  }

  /** {@code flatten_type} of {@code flags} with {@code n} labels: an {@code i32} per 32. */
  public static List<FlatType> flags(int n) {
    return Collections.nCopies(SizeAlign.i32Flags(n), I32);
  }

  /** {@code join}: the type that holds either of two cases' flat values at one position. */
  public static FlatType join(FlatType a, FlatType b) {
    if (a == b) {
      return a;
    }
    if ((a == I32 && b == F32) || (a == F32 && b == I32)) {
      return I32;
    }
    return I64;
  }

  /**
   * {@code flatten_variant}: the discriminant's {@code i32}, then position by position the {@link
   * #join} of the flat types of the cases that have a payload.
   */
  public static List<FlatType> variant(List<List<FlatType>> payloads) {
    List<FlatType> flat = new ArrayList<>();
    flat.add(I32);
    for (List<FlatType> payload : payloads) {
      for (int i = 0; i < payload.size(); i++) {
        if (i + 1 < flat.size()) {
          flat.set(i + 1, join(flat.get(i + 1), payload.get(i)));
        } else {
          flat.add(payload.get(i));
        }
      }
    }
    return flat;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
