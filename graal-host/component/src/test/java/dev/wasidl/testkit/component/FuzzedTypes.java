package dev.wasidl.testkit.component;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.wasidl.types.EnumType;
import dev.wasidl.types.FlagsType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.OptionType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.RecordType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.VariantType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Component value types drawn from a fuzzer's input, for the fuzz targets that need a type to go
 * with their bytes (canonical ABI lift, wRPC decoding, WAVE text): every kind of value type but
 * handles, nested a few levels, enums up to 300 cases (a two-byte discriminant) and flags up to 32.
 */
public final class FuzzedTypes {
  private FuzzedTypes() {}

  /** A value type of at most {@code depth} levels, chosen by the input. */
  public static Type type(FuzzedDataProvider data, int depth) {
    int kind = data.consumeInt(0, depth <= 0 ? 0 : 9);
    return switch (kind) {
      case 0 -> data.pickValue(Primitive.values());
      case 1 -> new ListType(type(data, depth - 1));
      case 2 -> new RecordType(fields(data, depth));
      case 3 -> new TupleType(types(data, depth));
      case 4 -> {
        List<VariantType.Case> cases = new ArrayList<>();
        int n = data.consumeInt(1, 4);
        for (int i = 0; i < n; i++) {
          cases.add(
              new VariantType.Case(
                  "c" + i,
                  data.consumeBoolean() ? Optional.of(type(data, depth - 1)) : Optional.empty()));
        }
        yield new VariantType(cases);
      }
      case 5 -> new EnumType(names(data, 1, 300));
      case 6 -> new OptionType(type(data, depth - 1));
      case 7 ->
          new ResultType(
              data.consumeBoolean() ? Optional.of(type(data, depth - 1)) : Optional.empty(),
              data.consumeBoolean() ? Optional.of(type(data, depth - 1)) : Optional.empty());
      case 8 -> new FlagsType(names(data, 1, 32));
      default -> Primitive.STRING;
    };
  }

  private static List<RecordType.Field> fields(FuzzedDataProvider data, int depth) {
    List<RecordType.Field> fields = new ArrayList<>();
    for (Type t : types(data, depth)) {
      fields.add(new RecordType.Field("f" + fields.size(), t));
    }
    return fields;
  }

  private static List<Type> types(FuzzedDataProvider data, int depth) {
    List<Type> types = new ArrayList<>();
    int n = data.consumeInt(1, 4);
    for (int i = 0; i < n; i++) {
      types.add(type(data, depth - 1));
    }
    return types;
  }

  private static List<String> names(FuzzedDataProvider data, int min, int max) {
    List<String> names = new ArrayList<>();
    int n = data.consumeInt(min, max);
    for (int i = 0; i < n; i++) {
      names.add("n" + i);
    }
    return names;
  }
}
