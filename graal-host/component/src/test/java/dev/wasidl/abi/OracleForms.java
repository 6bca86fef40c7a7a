package dev.wasidl.abi;

import dev.wasidl.component.StringEncoding;
import dev.wasidl.types.EnumType;
import dev.wasidl.types.FlagsType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.OptionType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.RecordType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import dev.wasidl.types.VariantType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The oracle's JSON forms of types and values (see gen_vectors.py) as Java types and Vals. */
final class OracleForms {
  private OracleForms() {}

  static StringEncoding encoding(Object j) {
    return switch ((String) j) {
      case "utf8" -> StringEncoding.UTF8;
      case "utf16" -> StringEncoding.UTF16;
      case "latin1+utf16" -> StringEncoding.LATIN1_UTF16;
      default -> throw new IllegalArgumentException(j.toString());
    };
  }

  static long num(Object j) {
    return ((BigInteger) j).longValue();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object j) {
    return (List<Object>) j;
  }

  static Type type(Object j) {
    if (j instanceof String s) {
      return Primitive.valueOf(s.toUpperCase(Locale.ROOT));
    }
    List<Object> l = list(j);
    return switch ((String) l.get(0)) {
      case "list" -> new ListType(type(l.get(1)));
      case "record" ->
          new RecordType(
              list(l.get(1)).stream()
                  .map(f -> new RecordType.Field((String) list(f).get(0), type(list(f).get(1))))
                  .toList());
      case "tuple" -> new TupleType(list(l.get(1)).stream().map(OracleForms::type).toList());
      case "variant" ->
          new VariantType(
              list(l.get(1)).stream()
                  .map(
                      c ->
                          new VariantType.Case(
                              (String) list(c).get(0),
                              Optional.ofNullable(list(c).get(1)).map(OracleForms::type)))
                  .toList());
      case "enum" -> new EnumType(list(l.get(1)).stream().map(String.class::cast).toList());
      case "option" -> new OptionType(type(l.get(1)));
      case "result" ->
          new ResultType(
              Optional.ofNullable(l.get(1)).map(OracleForms::type),
              Optional.ofNullable(l.get(2)).map(OracleForms::type));
      case "flags" -> new FlagsType(list(l.get(1)).stream().map(String.class::cast).toList());
      default -> throw new IllegalArgumentException(j.toString());
    };
  }

  static Val val(Type t, Object j) {
    return switch (t) {
      case Primitive p ->
          switch (p) {
            case BOOL -> new Val.Bool((Boolean) j);
            case S8 -> new Val.S8((byte) num(j));
            case U8 -> new Val.U8((int) num(j));
            case S16 -> new Val.S16((short) num(j));
            case U16 -> new Val.U16((int) num(j));
            case S32 -> new Val.S32((int) num(j));
            case U32 -> new Val.U32(num(j));
            case S64 -> new Val.S64(num(j));
            case U64 -> new Val.U64(num(j));
            case F32 -> new Val.F32(Float.intBitsToFloat((int) num(j)));
            case F64 -> new Val.F64(Double.longBitsToDouble(num(j)));
            case CHAR -> new Val.Char((int) num(j));
            case STRING -> new Val.Str((String) j);
          };
      case ListType l -> new Val.ListVal(list(j).stream().map(e -> val(l.element(), e)).toList());
      case RecordType r -> {
        List<Val.Field> fields = new ArrayList<>();
        for (int i = 0; i < r.fields().size(); i++) {
          fields.add(
              new Val.Field(
                  r.fields().get(i).name(), val(r.fields().get(i).type(), list(j).get(i))));
        }
        yield new Val.RecordVal(fields);
      }
      case TupleType tt -> {
        List<Val> values = new ArrayList<>();
        for (int i = 0; i < tt.types().size(); i++) {
          values.add(val(tt.types().get(i), list(j).get(i)));
        }
        yield new Val.Tuple(values);
      }
      case VariantType v -> {
        String name = (String) list(j).get(0);
        Optional<Type> ct = v.cases().get(v.indexOf(name)).type();
        yield new Val.Variant(name, ct.map(c -> val(c, list(j).get(1))));
      }
      case EnumType e -> new Val.EnumVal((String) j);
      case OptionType o ->
          new Val.OptionVal(
              j == null ? Optional.empty() : Optional.of(val(o.type(), list(j).get(0))));
      case ResultType r -> {
        boolean ok = list(j).get(0).equals("ok");
        Optional<Type> ct = ok ? r.ok() : r.error();
        yield new Val.ResultVal(ok, ct.map(c -> val(c, list(j).get(1))));
      }
      case FlagsType f ->
          new Val.Flags(new LinkedHashSet<>(list(j).stream().map(String.class::cast).toList()));
      case dev.wasidl.types.OwnType o -> new Val.Own((int) num(j));
      case dev.wasidl.types.BorrowType b -> new Val.Borrow((int) num(j));
    };
  }

  static List<FlatType> flatTypes(Object j) {
    return list(j).stream()
        .map(s -> FlatType.valueOf(((String) s).toUpperCase(Locale.ROOT)))
        .toList();
  }

  static long[] flat(Object j) {
    return list(j).stream().mapToLong(OracleForms::num).toArray();
  }

  /** The oracle's "memory" as FakeMemory.segments() writes it. */
  static List<String> segments(Object j) {
    return list(j).stream().map(s -> num(list(s).get(0)) + ":" + list(s).get(1)).toList();
  }

  static List<List<Long>> reallocs(Object j) {
    return list(j).stream().map(c -> list(c).stream().map(OracleForms::num).toList()).toList();
  }
}
