package dev.wasidl.component.binary;

import dev.wasidl.abi.CanonicalAbi;
import dev.wasidl.abi.FlatType;
import dev.wasidl.abi.SizeAlign;
import dev.wasidl.component.BorrowDef;
import dev.wasidl.component.Case;
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
import dev.wasidl.types.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A defined value type's canonical ABI facts for validation: its flattening, size and alignment (by
 * the rules of {@link FlatType} and {@link SizeAlign}, with 64-bit pointers: validation bounds
 * every size below {@link #MAX_SIZE}), and whether it holds lists or handles. Each is computed
 * once, when the type is defined, from its parts' already-known {@link Facts} (so nothing recurses
 * through type indices); null or -1 where a part is not tracked. Flattenings are cut off after
 * {@link #CAP} core types: beyond {@link CanonicalAbi#MAX_FLAT_PARAMS} only the length matters.
 */
final class ValueFacts {
  static final int CAP = CanonicalAbi.MAX_FLAT_PARAMS + 1;

  /** Validation's bound on {@code elem_size(t, 'i64')}. */
  static final long MAX_SIZE = 1L << 28;

  private static final int POINTER_SIZE = 8;

  private ValueFacts() {}

  static Facts.ValueType prim(PrimValType p) {
    Primitive primitive = primitive(p);
    SizeAlign sa = SizeAlign.of(primitive, POINTER_SIZE);
    return new Facts.ValueType(
        false,
        null,
        null,
        FlatType.of(primitive),
        p == PrimValType.STRING,
        false,
        sa.size(),
        sa.alignment(),
        new Shape.Prim(p),
        0);
  }

  private static Primitive primitive(PrimValType p) {
    return Primitive.valueOf(p.name());
  }

  // --- flattening

  /** The (capped) flattening of {@code d}, or null if a component type is not tracked. */
  static List<FlatType> flatten(DefValType d, Function<ValType, Facts> facts) {
    return switch (d) {
      case PrimValType p -> FlatType.of(primitive(p));
      case ListDef l -> FlatType.pointerAndLength();
      case RecordDef r -> concat(r.fields().stream().map(LabelValType::type).toList(), facts);
      case TupleDef t -> concat(t.types(), facts);
      case VariantDef v -> variant(v.cases().stream().map(Case::type).toList(), facts);
      case EnumDef e -> FlatType.i32();
      case OptionDef o -> variant(List.of(Optional.empty(), Optional.of(o.type())), facts);
      case ResultDef r -> variant(List.of(r.ok(), r.error()), facts);
      case FlagsDef f -> FlatType.flags(f.labels().size());
      case OwnDef o -> FlatType.i32();
      case BorrowDef b -> FlatType.i32();
    };
  }

  private static List<FlatType> flatOf(ValType t, Function<ValType, Facts> facts) {
    return facts.apply(t) instanceof Facts.ValueType v ? v.flat() : null;
  }

  private static List<FlatType> concat(List<ValType> types, Function<ValType, Facts> facts) {
    List<FlatType> flat = new ArrayList<>();
    for (ValType t : types) {
      List<FlatType> part = flatOf(t, facts);
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

  private static List<FlatType> variant(
      List<Optional<ValType>> cases, Function<ValType, Facts> facts) {
    List<List<FlatType>> payloads = new ArrayList<>();
    for (Optional<ValType> c : cases) {
      if (c.isPresent()) {
        List<FlatType> payload = flatOf(c.get(), facts);
        if (payload == null) {
          return null;
        }
        payloads.add(payload);
      }
    }
    List<FlatType> flat = FlatType.variant(payloads);
    return List.copyOf(flat.size() > CAP ? flat.subList(0, CAP) : flat);
  }

  // --- size and alignment

  /** {@code elem_size} and {@code alignment} of {@code d}, or null if a part is not tracked. */
  static SizeAlign layout(DefValType d, Function<ValType, Facts> facts) {
    return switch (d) {
      case PrimValType p -> SizeAlign.of(primitive(p), POINTER_SIZE);
      case ListDef l -> SizeAlign.list(POINTER_SIZE);
      case RecordDef r -> record(r.fields().stream().map(LabelValType::type).toList(), facts);
      case TupleDef t -> record(t.types(), facts);
      case VariantDef v ->
          variant(v.cases().size(), payloads(v.cases().stream().map(Case::type)), facts);
      case EnumDef e -> SizeAlign.variant(e.labels().size(), List.of());
      case OptionDef o -> variant(2, List.of(o.type()), facts);
      case ResultDef r -> variant(2, payloads(Stream.of(r.ok(), r.error())), facts);
      case FlagsDef f -> SizeAlign.flags(f.labels().size());
      case OwnDef o -> SizeAlign.HANDLE;
      case BorrowDef b -> SizeAlign.HANDLE;
    };
  }

  private static List<ValType> payloads(Stream<Optional<ValType>> cases) {
    return cases.flatMap(Optional::stream).toList();
  }

  private static SizeAlign of(ValType t, Function<ValType, Facts> facts) {
    if (t instanceof PrimValType p) {
      return SizeAlign.of(primitive(p), POINTER_SIZE);
    }
    return facts.apply(t) instanceof Facts.ValueType v && v.size() >= 0
        ? new SizeAlign(v.size(), v.align())
        : null;
  }

  private static List<SizeAlign> parts(List<ValType> types, Function<ValType, Facts> facts) {
    List<SizeAlign> parts = new ArrayList<>(types.size());
    for (ValType t : types) {
      SizeAlign sa = of(t, facts);
      if (sa == null) {
        return null;
      }
      parts.add(sa);
    }
    return parts;
  }

  private static SizeAlign record(List<ValType> fields, Function<ValType, Facts> facts) {
    List<SizeAlign> parts = parts(fields, facts);
    return parts == null ? null : SizeAlign.record(parts);
  }

  private static SizeAlign variant(
      int caseCount, List<ValType> payloads, Function<ValType, Facts> facts) {
    List<SizeAlign> parts = parts(payloads, facts);
    return parts == null ? null : SizeAlign.variant(caseCount, parts);
  }

  // --- lists and handles

  /** Whether {@code d} contains a list or string (as far as tracked). */
  static boolean needsMemory(DefValType d, Function<ValType, Facts> facts) {
    return switch (d) {
      case PrimValType p -> p == PrimValType.STRING;
      case ListDef l -> true;
      case EnumDef e -> false;
      case FlagsDef f -> false;
      case OwnDef o -> false;
      case BorrowDef b -> false;
      default ->
          parts(d).anyMatch(t -> facts.apply(t) instanceof Facts.ValueType v && v.needsMemory());
    };
  }

  /** Whether {@code d} transitively holds an {@code own} or {@code borrow} handle. */
  static boolean hasHandle(DefValType d, Function<ValType, Facts> facts) {
    return switch (d) {
      case OwnDef o -> true;
      case BorrowDef b -> true;
      case PrimValType p -> false;
      case FlagsDef f -> false;
      case EnumDef e -> false;
      case ListDef l -> facts.apply(l.element()) instanceof Facts.ValueType v && v.hasHandle();
      default ->
          parts(d).anyMatch(t -> facts.apply(t) instanceof Facts.ValueType v && v.hasHandle());
    };
  }

  /** The value types a record, tuple, variant, option or result is made of. */
  private static Stream<ValType> parts(DefValType d) {
    return switch (d) {
      case RecordDef r -> r.fields().stream().map(LabelValType::type);
      case TupleDef t -> t.types().stream();
      case VariantDef v -> v.cases().stream().flatMap(c -> c.type().stream());
      case OptionDef o -> Stream.of(o.type());
      case ResultDef r -> Stream.concat(r.ok().stream(), r.error().stream());
      default -> Stream.empty();
    };
  }
}
