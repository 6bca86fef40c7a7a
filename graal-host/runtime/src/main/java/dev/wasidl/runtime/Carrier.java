package dev.wasidl.runtime;

import dev.wasidl.component.CoreValType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one Java value of a {@link TypedFunc} crosses without a {@link Val}: a WIT type and the Java
 * class carrying it, chosen once when the function is made typed.
 */
enum Carrier {
  BOOL,
  S8,
  S16,
  S32,
  U8,
  U16,
  CHAR,
  S64,
  U32,
  U64,
  F32,
  F64,
  STRING,
  BYTES;

  /** The carrier of {@code wit} seen as {@code java}, or null if only the Val path carries it. */
  static @Nullable Carrier of(Type wit, Class<?> java) {
    if (java == Val.class) {
      return null;
    }
    if (wit instanceof ListType l && l.element() == Primitive.U8) {
      return BYTES;
    }
    if (!(wit instanceof Primitive p)) {
      return null;
    }
    return switch (p) {
      case BOOL -> BOOL;
      case S8 -> S8;
      case S16 -> S16;
      case S32 -> S32;
      case U8 -> U8;
      case U16 -> U16;
      case CHAR -> CHAR;
      case S64 -> S64;
      case U32 -> U32;
      case U64 -> U64;
      case F32 -> F32;
      case F64 -> F64;
      case STRING -> STRING;
    };
  }

  /** Its core values: a string or list is a pointer and a length. */
  int flatCount() {
    return this == STRING || this == BYTES ? 2 : 1;
  }

  /** The types of its core values. */
  List<CoreValType> coreTypes() {
    return switch (this) {
      case STRING, BYTES -> List.of(CoreValType.I32, CoreValType.I32);
      case S64, U64 -> List.of(CoreValType.I64);
      case F32 -> List.of(CoreValType.F32);
      case F64 -> List.of(CoreValType.F64);
      default -> List.of(CoreValType.I32);
    };
  }
}
