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
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The spec's "Flattening" section. */
final class Flattening {
  private Flattening() {}

  static FlatFuncType flattenFuncType(FuncType ft, FlatFuncType.Context context) {
    List<FlatType> flatParams = flattenTypes(ft.paramTypes());
    List<FlatType> flatResults = flattenTypes(ft.resultTypes());
    if (flatParams.size() > CanonicalAbi.MAX_FLAT_PARAMS) {
      flatParams = List.of(FlatType.I32);
    }
    if (flatResults.size() > CanonicalAbi.MAX_FLAT_RESULTS) {
      switch (context) {
        case LIFT -> flatResults = List.of(FlatType.I32);
        case LOWER -> {
          flatParams = new ArrayList<>(flatParams);
          flatParams.add(FlatType.I32);
          flatResults = List.of();
        }
      }
    }
    return new FlatFuncType(flatParams, flatResults);
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
      case Primitive p -> {
        switch (p) {
          case BOOL, S8, U8, S16, U16, S32, U32, CHAR -> out.add(FlatType.I32);
          case S64, U64 -> out.add(FlatType.I64);
          case F32 -> out.add(FlatType.F32);
          case F64 -> out.add(FlatType.F64);
          case STRING -> {
            out.add(FlatType.I32);
            out.add(FlatType.I32);
          }
        }
      }
      case ListType l -> {
        out.add(FlatType.I32);
        out.add(FlatType.I32);
      }
      case RecordType r -> r.types().forEach(f -> flatten(f, out));
      case TupleType tt -> tt.types().forEach(f -> flatten(f, out));
      case VariantType v -> out.addAll(flattenVariant(Layout.caseTypes(v)));
      case EnumType e -> out.addAll(flattenVariant(Layout.caseTypes(e)));
      case OptionType o -> out.addAll(flattenVariant(Layout.caseTypes(o)));
      case ResultType r -> out.addAll(flattenVariant(Layout.caseTypes(r)));
      case FlagsType f ->
          out.addAll(Collections.nCopies(Layout.numI32Flags(f.names().size()), FlatType.I32));
      case OwnType o -> out.add(FlatType.I32);
      case BorrowType b -> out.add(FlatType.I32);
    }
  }

  /** The discriminant's {@code i32}, then the join of the cases' flattened payloads. */
  static List<FlatType> flattenVariant(List<Optional<Type>> cases) {
    List<FlatType> flat = new ArrayList<>();
    for (Optional<Type> c : cases) {
      if (c.isPresent()) {
        List<FlatType> ft = flattenType(c.get());
        for (int i = 0; i < ft.size(); i++) {
          if (i < flat.size()) {
            flat.set(i, join(flat.get(i), ft.get(i)));
          } else {
            flat.add(ft.get(i));
          }
        }
      }
    }
    flat.addFirst(FlatType.I32);
    return flat;
  }

  static FlatType join(FlatType a, FlatType b) {
    if (a == b) {
      return a;
    }
    if ((a == FlatType.I32 && b == FlatType.F32) || (a == FlatType.F32 && b == FlatType.I32)) {
      return FlatType.I32;
    }
    return FlatType.I64;
  }
}
