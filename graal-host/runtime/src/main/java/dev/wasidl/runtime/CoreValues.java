package dev.wasidl.runtime;

import dev.wasidl.abi.FlatType;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import java.util.List;
import org.graalvm.polyglot.Value;

/** Conversions between flat values ({@code long}s, see the ABI package) and GraalWasm's. */
final class CoreValues {
  private CoreValues() {}

  static Object[] box(long[] flat, List<FlatType> types) {
    Object[] out = new Object[flat.length];
    for (int i = 0; i < flat.length; i++) {
      long v = flat[i];
      out[i] =
          switch (types.get(i)) {
            case I32 -> (int) v;
            case I64 -> v;
            case F32 -> Float.intBitsToFloat((int) v);
            case F64 -> Double.longBitsToDouble(v);
          };
    }
    return out;
  }

  static long[] unbox(Value result, List<FlatType> types) {
    if (types.isEmpty()) {
      return new long[0];
    }
    if (types.size() > 1) {
      throw new UnlinkableException("multi-value core results are not used by the canonical ABI");
    }
    long v =
        switch (types.getFirst()) {
          case I32 -> Integer.toUnsignedLong(result.asInt());
          case I64 -> result.asLong();
          case F32 -> Integer.toUnsignedLong(Float.floatToRawIntBits(result.asFloat()));
          case F64 -> Double.doubleToRawLongBits(result.asDouble());
        };
    return new long[] {v};
  }

  static CoreType.Func coreType(List<FlatType> params, List<FlatType> results) {
    return new CoreType.Func(
        params.stream().map(CoreValues::core).toList(),
        results.stream().map(CoreValues::core).toList());
  }

  private static CoreValType core(FlatType t) {
    return switch (t) {
      case I32 -> CoreValType.I32;
      case I64 -> CoreValType.I64;
      case F32 -> CoreValType.F32;
      case F64 -> CoreValType.F64;
    };
  }
}
