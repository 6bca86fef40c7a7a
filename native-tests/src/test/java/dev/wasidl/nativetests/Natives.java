package dev.wasidl.nativetests;

import dev.wasidl.ffm.FfiType;
import dev.wasidl.ffm.Function;
import dev.wasidl.ffm.IncomingPrimitive;
import dev.wasidl.ffm.IncomingStruct;
import dev.wasidl.ffm.IncomingValue;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.OpenFlags;
import dev.wasidl.ffm.OutgoingPrimitive;
import dev.wasidl.ffm.OutgoingStruct;
import dev.wasidl.ffm.OutgoingValue;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Signature;
import dev.wasidl.ffm.StructType;
import dev.wasidl.ffm.Symbol;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Shared helpers: opening the test libraries and building values from plain numbers. */
final class Natives {
  private Natives() {}

  /** Opens lib{name}.so from native-tests by absolute path. */
  static Library open(String name) {
    return Library.open(NativeLibs.path(name).toString(), OpenFlags.NOW);
  }

  /** The symbol as a function of the signature text. */
  static Function fn(Library lib, String symbol, String signature) {
    try (Symbol s = lib.get(symbol)) {
      return s.function(Signature.parse(signature));
    }
  }

  /** A primitive of {@code type} from a Java number (integers as signed long, floats as double). */
  static OutgoingPrimitive prim(PrimitiveType type, Number n) {
    return switch (type.kind()) {
      case SIGNED -> OutgoingPrimitive.ofSigned(type, n.longValue());
      case UNSIGNED, POINTER -> OutgoingPrimitive.ofUnsigned(type, n.longValue());
      case FLOAT -> OutgoingPrimitive.ofDouble(type, n.doubleValue());
    };
  }

  /** A {@code struct{c-double, c-double}} of two numbers (libwasidl_structs' {@code struct DD}). */
  static OutgoingStruct dd(double a, double b) {
    return OutgoingStruct.of(
        OutgoingPrimitive.ofDouble(PrimitiveType.C_DOUBLE, a),
        OutgoingPrimitive.ofDouble(PrimitiveType.C_DOUBLE, b));
  }

  /** A value of {@code type} taking its leaves, depth first, from {@code leaves}. */
  static OutgoingValue value(FfiType type, Iterator<? extends Number> leaves) {
    return switch (type) {
      case PrimitiveType p -> prim(p, leaves.next());
      case StructType st -> {
        List<OutgoingValue> fields = new ArrayList<>();
        for (FfiType f : st.fields()) {
          fields.add(value(f, leaves));
        }
        yield new OutgoingStruct(fields);
      }
    };
  }

  /** The leaves of a value as doubles, depth first. */
  static List<Double> leaves(IncomingValue value) {
    List<Double> out = new ArrayList<>();
    collect(value, out);
    return out;
  }

  private static void collect(IncomingValue value, List<Double> out) {
    switch (value) {
      case IncomingPrimitive p ->
          out.add(
              switch (p.type().kind()) {
                case SIGNED -> (double) p.getS64();
                case UNSIGNED, POINTER -> (double) p.getU64();
                case FLOAT -> p.getF64();
              });
      case IncomingStruct s -> s.fields().forEach(f -> collect(f, out));
    }
  }

  /** The result of a call as a primitive. */
  static IncomingPrimitive ret(java.util.Optional<IncomingValue> v) {
    return (IncomingPrimitive) v.orElseThrow();
  }
}
