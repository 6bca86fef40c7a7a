package dev.wasidl.differential;

import dev.wasidl.testkit.component.Json;
import dev.wasidl.types.BorrowType;
import dev.wasidl.types.EnumType;
import dev.wasidl.types.FlagsType;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.OptionType;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.RecordType;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import dev.wasidl.types.VariantType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Val} as JSON in the form of jco's JavaScript values (the encoding node/harness.mjs reads
 * and prints; its header comment is the specification): records as objects with camelCase keys,
 * variants and results as {@code {"tag", "val"}}, enums as strings, flags as objects of booleans,
 * options as the value or {@code null}, {@code s64}/{@code u64} (BigInt) as decimal strings, chars
 * as strings, lists (typed arrays too) as arrays, NaN, ±Infinity and -0 as strings. Resources are
 * named per session, {@code "blob#1"} being the first {@code blob} handle the host received; a
 * {@code JsValues} is one session's naming.
 */
final class JsValues {
  /**
   * The WIT names of resource types (graal-host names a resource defined inside a component by its
   * position, e.g. {@code types-c#resource0}; the WIT name is the one it is exported under).
   */
  private final Map<ResourceType, String> resourceNames = new HashMap<>(); // by identity

  /** The handles this session received: representations by name. */
  private final Map<String, Integer> repsByName = new LinkedHashMap<>();

  private final Map<String, Integer> counts = new HashMap<>();

  /**
   * Learns resource names from a function's WIT name: {@code [constructor]r} returns an {@code
   * own<r>}, {@code [method]r.m} borrows {@code r} first.
   */
  void learnNames(String func, FuncType type) {
    int dot = func.indexOf('.');
    if (func.startsWith("[constructor]") && type.result().orElse(null) instanceof OwnType o) {
      resourceNames.put(o.resource(), func.substring("[constructor]".length()));
    } else if (func.startsWith("[method]")
        && dot > 0
        && !type.params().isEmpty()
        && type.paramTypes().getFirst() instanceof BorrowType b) {
      resourceNames.put(b.resource(), func.substring("[method]".length(), dot));
    }
  }

  private String name(ResourceType resource) {
    return resourceNames.getOrDefault(resource, resource.name());
  }

  /** The representation of the handle named {@code name} ({@code "blob#1"}). */
  int rep(String name) {
    Integer rep = repsByName.get(name);
    if (rep == null) {
      throw new IllegalArgumentException("no handle " + name + " in this session");
    }
    return rep;
  }

  private String nameOf(int rep) {
    return repsByName.entrySet().stream()
        .filter(e -> e.getValue() == rep)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no handle with rep " + rep));
  }

  /** The type in the harness's notation ("u8", {"list": T}, {"record": [[name, T], ...]}, ...). */
  Json describe(Type type) {
    return switch (type) {
      case Primitive p -> Json.of(p.toString());
      case ListType l -> tagged("list", describe(l.element()));
      case RecordType r ->
          tagged(
              "record",
              new Json.Arr(
                  r.fields().stream()
                      .map(f -> (Json) new Json.Arr(List.of(Json.of(f.name()), describe(f.type()))))
                      .toList()));
      case TupleType t ->
          tagged("tuple", new Json.Arr(t.types().stream().map(this::describe).toList()));
      case VariantType v ->
          tagged(
              "variant",
              new Json.Arr(
                  v.cases().stream()
                      .map(
                          c ->
                              (Json)
                                  new Json.Arr(
                                      List.of(Json.of(c.name()), describeOptional(c.type()))))
                      .toList()));
      case EnumType e -> tagged("enum", new Json.Arr(e.names().stream().map(Json::of).toList()));
      case FlagsType f -> tagged("flags", new Json.Arr(f.names().stream().map(Json::of).toList()));
      case OptionType o -> tagged("option", describe(o.type()));
      case ResultType r ->
          tagged(
              "result",
              new Json.Arr(List.of(describeOptional(r.ok()), describeOptional(r.error()))));
      case OwnType o -> tagged("own", Json.of(name(o.resource())));
      case BorrowType b -> tagged("borrow", Json.of(name(b.resource())));
    };
  }

  Json describeOptional(Optional<Type> type) {
    return type.map(this::describe).orElse(new Json.Null());
  }

  private static Json tagged(String kind, Json payload) {
    return Json.obj(Map.of(kind, payload));
  }

  /** jco's JavaScript name of a WIT identifier: {@code home-dir} is {@code homeDir}. */
  static String camel(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** An argument: resources must already have a name in this session. */
  Json encodeArg(Type type, Val value) {
    return encode(type, value, false);
  }

  /** A result: each owned handle gets the next name of its resource type. */
  Json encodeResult(Type type, Val value) {
    return encode(type, value, true);
  }

  private Json encode(Type type, Val value, boolean result) {
    return switch (type) {
      case Primitive p -> primitive(p, value);
      case ListType l ->
          new Json.Arr(
              cast(Val.ListVal.class, value).elements().stream()
                  .map(e -> encode(l.element(), e, result))
                  .toList());
      case RecordType r -> {
        Val.RecordVal rv = cast(Val.RecordVal.class, value);
        Map<String, Json> members = new LinkedHashMap<>();
        for (RecordType.Field f : r.fields()) {
          Val fv =
              rv.get(f.name())
                  .orElseThrow(() -> new IllegalArgumentException("no field " + f.name()));
          members.put(camel(f.name()), encode(f.type(), fv, result));
        }
        yield Json.obj(members);
      }
      case TupleType t -> {
        List<Val> vs = cast(Val.Tuple.class, value).values();
        List<Json> out = new ArrayList<>();
        for (int i = 0; i < t.types().size(); i++) {
          out.add(encode(t.types().get(i), vs.get(i), result));
        }
        yield new Json.Arr(out);
      }
      case VariantType v -> {
        Val.Variant vv = cast(Val.Variant.class, value);
        int i = v.indexOf(vv.caseName());
        if (i < 0) {
          throw new IllegalArgumentException("no case " + vv.caseName() + " in " + v);
        }
        yield tag(vv.caseName(), v.cases().get(i).type(), vv.payload(), result);
      }
      case EnumType e -> {
        String name = cast(Val.EnumVal.class, value).caseName();
        if (!e.names().contains(name)) {
          throw new IllegalArgumentException("no case " + name + " in " + e);
        }
        yield Json.of(name);
      }
      case FlagsType f -> {
        Set<String> set = cast(Val.Flags.class, value).names();
        if (!f.names().containsAll(set)) {
          throw new IllegalArgumentException(set + " are not all in " + f);
        }
        Map<String, Json> members = new LinkedHashMap<>();
        f.names().forEach(n -> members.put(camel(n), Json.of(set.contains(n))));
        yield Json.obj(members);
      }
      case OptionType o -> {
        if (o.type() instanceof OptionType) {
          throw new UnsupportedOperationException("option<option<T>> (jco: {tag: 'some'})");
        }
        yield cast(Val.OptionVal.class, value)
            .value()
            .map(v -> encode(o.type(), v, result))
            .orElse(new Json.Null());
      }
      case ResultType r -> {
        Val.ResultVal rv = cast(Val.ResultVal.class, value);
        yield rv.isOk()
            ? tag("ok", r.ok(), rv.payload(), result)
            : tag("err", r.error(), rv.payload(), result);
      }
      case OwnType o -> {
        int rep = cast(Val.Own.class, value).rep();
        if (!result) {
          yield Json.of(nameOf(rep));
        }
        String resource = name(o.resource());
        String name = resource + "#" + counts.merge(resource, 1, Integer::sum);
        repsByName.put(name, rep);
        yield Json.of(name);
      }
      case BorrowType b -> {
        if (result) {
          throw new IllegalArgumentException("a borrow cannot be a result");
        }
        yield Json.of(nameOf(cast(Val.Borrow.class, value).rep()));
      }
    };
  }

  private Json tag(String name, Optional<Type> type, Optional<Val> payload, boolean result) {
    if (type.isPresent() != payload.isPresent()) {
      throw new IllegalArgumentException(name + ": payload " + payload + " for type " + type);
    }
    Map<String, Json> members = new LinkedHashMap<>();
    members.put("tag", Json.of(name));
    type.ifPresent(t -> members.put("val", encode(t, payload.orElseThrow(), result)));
    return Json.obj(members);
  }

  private static Json primitive(Primitive p, Val value) {
    return switch (p) {
      case BOOL -> Json.of(cast(Val.Bool.class, value).value());
      case S8 -> Json.of(cast(Val.S8.class, value).value());
      case U8 -> Json.of(cast(Val.U8.class, value).value());
      case S16 -> Json.of(cast(Val.S16.class, value).value());
      case U16 -> Json.of(cast(Val.U16.class, value).value());
      case S32 -> Json.of(cast(Val.S32.class, value).value());
      case U32 -> Json.of(cast(Val.U32.class, value).value());
      case S64 -> Json.of(Long.toString(cast(Val.S64.class, value).value()));
      case U64 -> Json.of(Long.toUnsignedString(cast(Val.U64.class, value).value()));
      case F32 -> floating(cast(Val.F32.class, value).value());
      case F64 -> floating(cast(Val.F64.class, value).value());
      case CHAR -> Json.of(Character.toString(cast(Val.Char.class, value).codePoint()));
      case STRING -> Json.of(cast(Val.Str.class, value).value());
    };
  }

  /** Every NaN (any sign or payload) is "NaN": the component model does not keep NaN payloads. */
  private static Json floating(double d) {
    if (Double.isNaN(d)) {
      return Json.of("NaN");
    }
    if (Double.isInfinite(d)) {
      return Json.of(d > 0 ? "Infinity" : "-Infinity");
    }
    if (d == 0 && 1 / d < 0) {
      return Json.of("-0");
    }
    return new Json.Num(Json.number(d));
  }

  /** The value {@code json} stands for, checked strictly against {@code type}. */
  Val decode(Type type, Json json) {
    return switch (type) {
      case Primitive p -> decodePrimitive(p, json);
      case ListType l ->
          new Val.ListVal(
              cast(Json.Arr.class, json).elements().stream()
                  .map(e -> decode(l.element(), e))
                  .toList());
      case RecordType r -> {
        Json.Obj o = cast(Json.Obj.class, json);
        yield new Val.RecordVal(
            r.fields().stream()
                .map(f -> new Val.Field(f.name(), decode(f.type(), o.get(camel(f.name())))))
                .toList());
      }
      case TupleType t -> {
        List<Json> es = cast(Json.Arr.class, json).elements();
        if (es.size() != t.types().size()) {
          throw new IllegalArgumentException("not a " + t + ": " + Json.write(json));
        }
        List<Val> vs = new ArrayList<>();
        for (int i = 0; i < es.size(); i++) {
          vs.add(decode(t.types().get(i), es.get(i)));
        }
        yield new Val.Tuple(vs);
      }
      case VariantType v -> {
        Json.Obj o = cast(Json.Obj.class, json);
        String name = cast(Json.Str.class, o.get("tag")).value();
        int i = v.indexOf(name);
        if (i < 0) {
          throw new IllegalArgumentException("no case " + name + " in " + v);
        }
        yield new Val.Variant(name, decodePayload(v.cases().get(i).type(), o));
      }
      case EnumType e -> {
        String name = cast(Json.Str.class, json).value();
        if (!e.names().contains(name)) {
          throw new IllegalArgumentException("no case " + name + " in " + e);
        }
        yield new Val.EnumVal(name);
      }
      case FlagsType f -> {
        Json.Obj o = cast(Json.Obj.class, json);
        Set<String> set = new LinkedHashSet<>();
        for (String n : f.names()) {
          if (cast(Json.Bool.class, o.get(camel(n))).value()) {
            set.add(n);
          }
        }
        yield new Val.Flags(set);
      }
      case OptionType o ->
          new Val.OptionVal(
              json instanceof Json.Null ? Optional.empty() : Optional.of(decode(o.type(), json)));
      case ResultType r -> {
        Json.Obj o = cast(Json.Obj.class, json);
        String tag = cast(Json.Str.class, o.get("tag")).value();
        yield switch (tag) {
          case "ok" -> new Val.ResultVal(true, decodePayload(r.ok(), o));
          case "err" -> new Val.ResultVal(false, decodePayload(r.error(), o));
          default -> throw new IllegalArgumentException("not a result tag: " + tag);
        };
      }
      case OwnType o -> new Val.Own(rep(cast(Json.Str.class, json).value()));
      case BorrowType b -> new Val.Borrow(rep(cast(Json.Str.class, json).value()));
    };
  }

  private Optional<Val> decodePayload(Optional<Type> type, Json.Obj o) {
    if (type.isEmpty() && o.members().containsKey("val")) {
      throw new IllegalArgumentException("unexpected payload in " + Json.write(o));
    }
    return type.map(t -> decode(t, o.get("val")));
  }

  private static Val decodePrimitive(Primitive p, Json json) {
    return switch (p) {
      case BOOL -> new Val.Bool(cast(Json.Bool.class, json).value());
      case S8 -> new Val.S8((byte) integer(json, -128, 127));
      case U8 -> new Val.U8((int) integer(json, 0, 255));
      case S16 -> new Val.S16((short) integer(json, -32768, 32767));
      case U16 -> new Val.U16((int) integer(json, 0, 65535));
      case S32 -> new Val.S32((int) integer(json, Integer.MIN_VALUE, Integer.MAX_VALUE));
      case U32 -> new Val.U32(integer(json, 0, 0xffff_ffffL));
      case S64 -> new Val.S64(Long.parseLong(cast(Json.Str.class, json).value()));
      case U64 -> new Val.U64(Long.parseUnsignedLong(cast(Json.Str.class, json).value()));
      case F32 -> {
        double d = decodeFloat(json);
        if (!Double.isNaN(d) && (double) (float) d != d) {
          throw new IllegalArgumentException("not an f32: " + Json.write(json));
        }
        yield new Val.F32((float) d);
      }
      case F64 -> new Val.F64(decodeFloat(json));
      case CHAR -> {
        String s = cast(Json.Str.class, json).value();
        if (s.codePointCount(0, s.length()) != 1) {
          throw new IllegalArgumentException("not a char: " + Json.write(json));
        }
        yield new Val.Char(s.codePointAt(0));
      }
      case STRING -> new Val.Str(cast(Json.Str.class, json).value());
    };
  }

  private static long integer(Json json, long min, long max) {
    BigInteger v = new BigInteger(cast(Json.Num.class, json).text());
    if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new IllegalArgumentException(v + " is out of range " + min + ".." + max);
    }
    return v.longValueExact();
  }

  private static double decodeFloat(Json json) {
    return switch (json) {
      case Json.Num n -> Double.parseDouble(n.text());
      case Json.Str s ->
          switch (s.value()) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            case "-0" -> -0.0;
            default -> throw new IllegalArgumentException("not a float: " + Json.write(json));
          };
      default -> throw new IllegalArgumentException("not a float: " + Json.write(json));
    };
  }

  private static <T> T cast(Class<T> type, Object value) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "expected " + type.getSimpleName() + ", got " + describeValue(value));
    }
    return type.cast(value);
  }

  private static String describeValue(Object value) {
    return value instanceof Json j ? Json.write(j) : String.valueOf(value);
  }
}
