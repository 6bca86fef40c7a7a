package dev.wasidl.abi;

import dev.wasidl.types.BorrowType;
import dev.wasidl.types.EnumType;
import dev.wasidl.types.FlagsType;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.OptionType;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.RecordType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.VariantType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The spec's "Flattening" section. */
final class Flattening {
  private Flattening() {}

  static FlatFuncType flattenFuncType(FuncType ft, FlatFuncType.Context context) {
    return FlatFuncType.of(flattenTypes(ft.paramTypes()), flattenTypes(ft.resultTypes()), context);
  }

  static List<FlatType> flattenTypes(List<Type> ts) {
    List<FlatType> flat = new ArrayList<>();
    for (Type t : ts) {
      flatten(t, flat);
    }
    return flat;
  }

  static List<FlatType> flattenType(Type t) {
    List<FlatType> flat = new ArrayList<>();
    flatten(t, flat);
    return flat;
  }

  private static void flatten(Type t, List<FlatType> out) {
    switch (t) {
      case Primitive p -> out.addAll(FlatType.of(p));
      case ListType l -> out.addAll(FlatType.pointerAndLength());
      case RecordType r -> r.types().forEach(f -> flatten(f, out));
      case TupleType tt -> tt.types().forEach(f -> flatten(f, out));
      case VariantType v -> out.addAll(flattenVariant(Layout.caseTypes(v)));
      case EnumType e -> out.addAll(flattenVariant(Layout.caseTypes(e)));
      case OptionType o -> out.addAll(flattenVariant(Layout.caseTypes(o)));
      case ResultType r -> out.addAll(flattenVariant(Layout.caseTypes(r)));
      case FlagsType f -> out.addAll(FlatType.flags(f.names().size()));
      case OwnType o -> out.add(FlatType.I32);
      case BorrowType b -> out.add(FlatType.I32);
    }
  }

  static List<FlatType> flattenVariant(List<Optional<Type>> cases) {
    return FlatType.variant(
        cases.stream().flatMap(Optional::stream).map(Flattening::flattenType).toList());
  }
}
