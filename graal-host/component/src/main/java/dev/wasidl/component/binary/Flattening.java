package dev.wasidl.component.binary;

import dev.wasidl.component.BorrowDef;
import dev.wasidl.component.Case;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import dev.wasidl.component.DefValType;
import dev.wasidl.component.EnumDef;
import dev.wasidl.component.FlagsDef;
import dev.wasidl.component.LabelValType;
import dev.wasidl.component.ListDef;
import dev.wasidl.component.OptionDef;
import dev.wasidl.component.OwnDef;
import dev.wasidl.component.PrimValType;
import dev.wasidl.component.RecordDef;
import dev.wasidl.component.ResultDef;
import dev.wasidl.component.TupleDef;
import dev.wasidl.component.ValType;
import dev.wasidl.component.VariantDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Canonical ABI's flattening ({@code flatten_functype}, {@code flatten_type}, {@code join}),
 * for checking {@code canon lift} and {@code canon lower}. Each defined value type's flattening is
 * computed once, when it is defined, from its components' (so nothing recurses through indices),
 * and cut off after {@link #CAP} core types: beyond {@link #MAX_FLAT_PARAMS} only the length
 * matters.
 */
final class Flattening {
  static final int MAX_FLAT_PARAMS = 16;
  static final int MAX_FLAT_RESULTS = 1;
  static final int CAP = MAX_FLAT_PARAMS + 1;

  private Flattening() {}

  static Facts.ValueType prim(PrimValType p) {
    return new Facts.ValueType(
        false,
        null,
        null,
        flatPrim(p),
        p == PrimValType.STRING,
        false,
        Layout.size(p, t -> Facts.UNKNOWN),
        Layout.align(p, t -> Facts.UNKNOWN),
        new Shape.Prim(p),
        0);
  }

  private static List<CoreValType> flatPrim(PrimValType p) {
    return switch (p) {
      case BOOL, S8, U8, S16, U16, S32, U32, CHAR -> List.of(CoreValType.I32);
      case S64, U64 -> List.of(CoreValType.I64);
      case F32 -> List.of(CoreValType.F32);
      case F64 -> List.of(CoreValType.F64);
      case STRING -> List.of(CoreValType.I32, CoreValType.I32);
    };
  }

  /** The (capped) flattening of {@code d}, or null if a component type is not tracked. */
  static List<CoreValType> flatten(DefValType d, Function<ValType, Facts> facts) {
    return switch (d) {
      case PrimValType p -> flatPrim(p);
      case ListDef l -> List.of(CoreValType.I32, CoreValType.I32);
      case RecordDef r -> concat(r.fields().stream().map(LabelValType::type).toList(), facts);
      case TupleDef t -> concat(t.types(), facts);
      case VariantDef v -> variant(v.cases().stream().map(Case::type).toList(), facts);
      case EnumDef e -> List.of(CoreValType.I32);
      case OptionDef o -> variant(List.of(Optional.empty(), Optional.of(o.type())), facts);
      case ResultDef r -> variant(List.of(r.ok(), r.error()), facts);
      case FlagsDef f -> List.of(CoreValType.I32);
      case OwnDef o -> List.of(CoreValType.I32);
      case BorrowDef b -> List.of(CoreValType.I32);
    };
  }

  private static List<CoreValType> flatOf(ValType t, Function<ValType, Facts> facts) {
    return facts.apply(t) instanceof Facts.ValueType v ? v.flat() : null;
  }

  private static List<CoreValType> concat(List<ValType> types, Function<ValType, Facts> facts) {
    List<CoreValType> flat = new ArrayList<>();
    for (ValType t : types) {
      List<CoreValType> part = flatOf(t, facts);
      if (part == null) {
        return null;
      }
      flat.addAll(part);
      if (flat.size() >= CAP) {
        return List.copyOf(flat.subList(0, CAP));
      }
    }
    return List.copyOf(flat);
  }

  private static List<CoreValType> variant(
      List<Optional<ValType>> cases, Function<ValType, Facts> facts) {
    List<CoreValType> flat = new ArrayList<>();
    flat.add(CoreValType.I32); // the discriminant (u8, u16 or u32) flattens to i32
    for (Optional<ValType> c : cases) {
      if (c.isEmpty()) {
        continue;
      }
      List<CoreValType> payload = flatOf(c.get(), facts);
      if (payload == null) {
        return null;
      }
      for (int i = 0; i < payload.size(); i++) {
        if (i + 1 < flat.size()) {
          flat.set(i + 1, join(flat.get(i + 1), payload.get(i)));
        } else {
          flat.add(payload.get(i));
        }
      }
    }
    return List.copyOf(flat.size() > CAP ? flat.subList(0, CAP) : flat);
  }

  static CoreValType join(CoreValType a, CoreValType b) {
    if (a == b) {
      return a;
    }
    if ((a == CoreValType.I32 && b == CoreValType.F32)
        || (a == CoreValType.F32 && b == CoreValType.I32)) {
      return CoreValType.I32;
    }
    return CoreValType.I64;
  }

  /** Whether {@code d} contains a list or string (as far as tracked). */
  static boolean needsMemory(DefValType d, Function<ValType, Facts> facts) {
    return switch (d) {
      case PrimValType p -> p == PrimValType.STRING;
      case ListDef l -> true;
      case RecordDef r -> any(r.fields().stream().map(LabelValType::type).toList(), facts);
      case TupleDef t -> any(t.types(), facts);
      case VariantDef v -> any(v.cases().stream().flatMap(c -> c.type().stream()).toList(), facts);
      case OptionDef o -> any(List.of(o.type()), facts);
      case ResultDef r ->
          any(java.util.stream.Stream.concat(r.ok().stream(), r.error().stream()).toList(), facts);
      case EnumDef e -> false;
      case FlagsDef f -> false;
      case OwnDef o -> false;
      case BorrowDef b -> false;
    };
  }

  private static boolean any(List<ValType> types, Function<ValType, Facts> facts) {
    for (ValType t : types) {
      if (facts.apply(t) instanceof Facts.ValueType v && v.needsMemory()) {
        return true;
      }
    }
    return false;
  }

  /** A function type's flat parameters and result, and whether they need memory. */
  record Flat(
      List<CoreValType> params,
      List<CoreValType> results,
      boolean paramsNeedMemory,
      boolean resultNeedsMemory) {}

  /** The flattening of {@code f}, if all its types are tracked. */
  static Optional<Flat> of(Facts.Func f) {
    List<CoreValType> params = new ArrayList<>();
    boolean paramsNeedMemory = false;
    for (Facts p : f.params()) {
      if (!(p instanceof Facts.ValueType v) || v.flat() == null) {
        return Optional.empty();
      }
      params.addAll(v.flat());
      paramsNeedMemory |= v.needsMemory();
    }
    List<CoreValType> results = List.of();
    boolean resultNeedsMemory = false;
    if (f.result() != null) {
      if (!(f.result() instanceof Facts.ValueType v) || v.flat() == null) {
        return Optional.empty();
      }
      results = v.flat();
      resultNeedsMemory = v.needsMemory();
    }
    return Optional.of(new Flat(params, results, paramsNeedMemory, resultNeedsMemory));
  }

  /** {@code flatten_functype(opts, ft, 'lift')} (sync, 32-bit memory). */
  static CoreType.Func lift(Flat flat) {
    List<CoreValType> params =
        flat.params().size() > MAX_FLAT_PARAMS ? List.of(CoreValType.I32) : flat.params();
    List<CoreValType> results =
        flat.results().size() > MAX_FLAT_RESULTS ? List.of(CoreValType.I32) : flat.results();
    return new CoreType.Func(params, results);
  }

  /** {@code flatten_functype(opts, ft, 'lower')} (sync, 32-bit memory). */
  static CoreType.Func lower(Flat flat) {
    List<CoreValType> params =
        new ArrayList<>(
            flat.params().size() > MAX_FLAT_PARAMS ? List.of(CoreValType.I32) : flat.params());
    List<CoreValType> results = flat.results();
    if (results.size() > MAX_FLAT_RESULTS) {
      params.add(CoreValType.I32);
      results = List.of();
    }
    return new CoreType.Func(params, results);
  }
}
