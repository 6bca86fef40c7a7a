package dev.wasidl.abi;

import dev.wasidl.types.BorrowType;
import dev.wasidl.types.EnumType;
import dev.wasidl.types.FlagsType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.OptionType;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.RecordType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import dev.wasidl.types.VariantType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Between {@link Val}s and the spec's despecialized view: record-likes as field values in type
 * order, variant-likes as (case index, payload), flags as bits. A value that does not match its
 * type traps (the host gave a wrong value; the guest's call cannot go on).
 */
final class Values {
  private Values() {}

  /** A case index and its payload. */
  record CaseVal(int index, Optional<Val> payload) {}

  static <T extends Val> T expect(Val v, Class<T> kind, Type t) {
    if (!kind.isInstance(v)) {
      throw mismatch(v, t);
    }
    return kind.cast(v);
  }

  static Trap mismatch(Val v, Type t) {
    return new Trap("type mismatch: value " + v + " is not a " + t);
  }

  /** The spec's {@code match_case}; {@code cases} are {@code t}'s case types. */
  static CaseVal matchCase(Val v, Type t, List<Optional<Type>> cases) {
    CaseVal c =
        switch (t) {
          case VariantType vt -> {
            Val.Variant x = expect(v, Val.Variant.class, t);
            int index = vt.indexOf(x.caseName());
            if (index < 0) {
              throw new Trap("type mismatch: " + t + " has no case " + x.caseName());
            }
            yield new CaseVal(index, x.payload());
          }
          case EnumType e -> {
            Val.EnumVal x = expect(v, Val.EnumVal.class, t);
            int index = e.names().indexOf(x.caseName());
            if (index < 0) {
              throw new Trap("type mismatch: " + t + " has no case " + x.caseName());
            }
            yield new CaseVal(index, Optional.empty());
          }
          case OptionType o -> {
            Val.OptionVal x = expect(v, Val.OptionVal.class, t);
            yield new CaseVal(x.value().isPresent() ? 1 : 0, x.value());
          }
          case ResultType r -> {
            Val.ResultVal x = expect(v, Val.ResultVal.class, t);
            yield new CaseVal(x.isOk() ? 0 : 1, x.payload());
          }
          case Primitive _,
              ListType _,
              RecordType _,
              TupleType _,
              FlagsType _,
              OwnType _,
              BorrowType _ ->
              throw mismatch(v, t);
        };
    Optional<Type> caseType = cases.get(c.index());
    if (caseType.isPresent() != c.payload().isPresent()) {
      throw new Trap(
          "type mismatch: case "
              + c.index()
              + " of "
              + t
              + (caseType.isPresent() ? " needs a payload" : " has no payload")
              + ", value "
              + v);
    }
    return c;
  }

  /** The value of case {@code index} of {@code t}. */
  static Val caseVal(Type t, int index, Optional<Val> payload) {
    return switch (t) {
      case VariantType vt -> new Val.Variant(vt.cases().get(index).name(), payload);
      case EnumType e -> new Val.EnumVal(e.names().get(index));
      case OptionType o -> new Val.OptionVal(payload);
      case ResultType r -> new Val.ResultVal(index == 0, payload);
      case Primitive _,
          ListType _,
          RecordType _,
          TupleType _,
          FlagsType _,
          OwnType _,
          BorrowType _ ->
          throw new IllegalArgumentException("not a variant: " + t);
    };
  }

  /** The field values of a record or tuple value, in the type's order. */
  static List<Val> fieldValues(Val v, Type t) {
    return switch (t) {
      case RecordType r -> {
        Val.RecordVal x = expect(v, Val.RecordVal.class, t);
        List<Val> out = new ArrayList<>(r.fields().size());
        for (int i = 0; i < r.fields().size(); i++) {
          String name = r.fields().get(i).name();
          if (i < x.fields().size() && x.fields().get(i).name().equals(name)) {
            out.add(x.fields().get(i).value());
          } else {
            out.add(
                x.get(name)
                    .orElseThrow(
                        () -> new Trap("type mismatch: record value " + v + " lacks " + name)));
          }
        }
        if (x.fields().size() != r.fields().size()) {
          throw new Trap("type mismatch: record value " + v + " is not a " + t);
        }
        yield out;
      }
      case TupleType tt -> {
        Val.Tuple x = expect(v, Val.Tuple.class, t);
        if (x.values().size() != tt.types().size()) {
          throw mismatch(v, t);
        }
        yield x.values();
      }
      case Primitive _,
          ListType _,
          VariantType _,
          EnumType _,
          OptionType _,
          ResultType _,
          FlagsType _,
          OwnType _,
          BorrowType _ ->
          throw mismatch(v, t);
    };
  }

  /** A record or tuple value of {@code values}, in the type's order. */
  static Val fieldsVal(Type t, List<Val> values) {
    return switch (t) {
      case RecordType r -> {
        List<Val.Field> fields = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
          fields.add(new Val.Field(r.fields().get(i).name(), values.get(i)));
        }
        yield new Val.RecordVal(fields);
      }
      case TupleType tt -> new Val.Tuple(values);
      case Primitive _,
          ListType _,
          VariantType _,
          EnumType _,
          OptionType _,
          ResultType _,
          FlagsType _,
          OwnType _,
          BorrowType _ ->
          throw new IllegalArgumentException("not a record or tuple: " + t);
    };
  }

  /** The spec's {@code pack_flags_into_int}, as {@code i32} words. */
  static int[] packFlags(Val v, FlagsType t) {
    Set<String> names = expect(v, Val.Flags.class, t).names();
    List<String> labels = t.names();
    int[] words = new int[SizeAlign.i32Flags(labels.size())];
    int found = 0;
    for (int i = 0; i < labels.size(); i++) {
      if (names.contains(labels.get(i))) {
        words[i / 32] |= 1 << (i % 32);
        found++;
      }
    }
    if (found != names.size()) {
      throw new Trap("type mismatch: flags value " + v + " names a flag that " + t + " lacks");
    }
    return words;
  }

  /** The spec's {@code unpack_flags_from_int}: unknown bits are ignored. */
  static Val.Flags unpackFlags(int[] words, FlagsType t) {
    Set<String> names = new LinkedHashSet<>();
    List<String> labels = t.names();
    for (int i = 0; i < labels.size(); i++) {
      if ((words[i / 32] & (1 << (i % 32))) != 0) {
        names.add(labels.get(i));
      }
    }
    return new Val.Flags(names);
  }

  /** The spec's {@code decode_i32_as_float}: NaNs become the canonical NaN. */
  static float decodeF32(int bits) {
    float f = Float.intBitsToFloat(bits);
    return Float.isNaN(f) ? Float.intBitsToFloat(CanonicalAbi.CANONICAL_FLOAT32_NAN) : f;
  }

  static double decodeF64(long bits) {
    double f = Double.longBitsToDouble(bits);
    return Double.isNaN(f) ? Double.longBitsToDouble(CanonicalAbi.CANONICAL_FLOAT64_NAN) : f;
  }

  /**
   * The spec's {@code encode_float_as_i32} in its deterministic profile: a NaN is stored as the
   * canonical NaN ({@link Float#floatToIntBits} does exactly that).
   */
  static int encodeF32(float f) {
    return Float.floatToIntBits(f);
  }

  static long encodeF64(double f) {
    return Double.doubleToLongBits(f);
  }

  /** The spec's {@code convert_i32_to_char}. */
  static Val.Char convertI32ToChar(int i) {
    long u = Integer.toUnsignedLong(i);
    if (u >= 0x110000) {
      throw new Trap("invalid char: 0x" + Long.toHexString(u) + " is beyond U+10FFFF");
    }
    if (u >= 0xd800 && u <= 0xdfff) {
      throw new Trap("invalid char: 0x" + Long.toHexString(u) + " is a surrogate");
    }
    return new Val.Char(i);
  }
}
