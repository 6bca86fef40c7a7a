package dev.wasidl.component.binary;

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
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Canonical ABI's {@code elem_size} and {@code alignment} with 64-bit pointers (validation
 * bounds every defined value type's size below 2^28), and whether a type holds handles. Each is
 * computed from the already-known facts of a type's components; -1 means not tracked.
 */
final class Layout {
  /** Validation's bound on {@code elem_size(t, 'i64')}. */
  static final long MAX_SIZE = 1L << 28;

  private Layout() {}

  private record SizeAlign(long size, int align) {}

  static long size(DefValType d, Function<ValType, Facts> facts) {
    SizeAlign sa = layout(d, facts);
    return sa == null ? -1 : sa.size();
  }

  static int align(DefValType d, Function<ValType, Facts> facts) {
    SizeAlign sa = layout(d, facts);
    return sa == null ? -1 : sa.align();
  }

  private static SizeAlign prim(PrimValType p) {
    return switch (p) {
      case BOOL, S8, U8 -> new SizeAlign(1, 1);
      case S16, U16 -> new SizeAlign(2, 2);
      case S32, U32, F32, CHAR -> new SizeAlign(4, 4);
      case S64, U64, F64 -> new SizeAlign(8, 8);
      case STRING -> new SizeAlign(16, 8);
    };
  }

  private static SizeAlign of(ValType t, Function<ValType, Facts> facts) {
    if (t instanceof PrimValType p) {
      return prim(p);
    }
    return facts.apply(t) instanceof Facts.ValueType v && v.size() >= 0
        ? new SizeAlign(v.size(), v.align())
        : null;
  }

  private static SizeAlign layout(DefValType d, Function<ValType, Facts> facts) {
    return switch (d) {
      case PrimValType p -> prim(p);
      case ListDef l -> new SizeAlign(16, 8);
      case RecordDef r -> record(r.fields().stream().map(LabelValType::type).toList(), facts);
      case TupleDef t -> record(t.types(), facts);
      case VariantDef v -> variant(v.cases().stream().map(Case::type).toList(), facts);
      case EnumDef e ->
          variant(e.labels().stream().map(l -> Optional.<ValType>empty()).toList(), facts);
      case OptionDef o -> variant(List.of(Optional.empty(), Optional.of(o.type())), facts);
      case ResultDef r -> variant(List.of(r.ok(), r.error()), facts);
      case FlagsDef f -> {
        int n = f.labels().size();
        yield n <= 8 ? new SizeAlign(1, 1) : n <= 16 ? new SizeAlign(2, 2) : new SizeAlign(4, 4);
      }
      case OwnDef o -> new SizeAlign(4, 4);
      case BorrowDef b -> new SizeAlign(4, 4);
    };
  }

  private static long alignTo(long s, int a) {
    return (s + a - 1) / a * a;
  }

  private static SizeAlign record(List<ValType> fields, Function<ValType, Facts> facts) {
    long s = 0;
    int align = 1;
    for (ValType f : fields) {
      SizeAlign sa = of(f, facts);
      if (sa == null) {
        return null;
      }
      s = alignTo(s, sa.align()) + sa.size();
      align = Math.max(align, sa.align());
    }
    return new SizeAlign(alignTo(s, align), align);
  }

  private static SizeAlign variant(List<Optional<ValType>> cases, Function<ValType, Facts> facts) {
    int n = cases.size();
    int disc = n <= 1 << 8 ? 1 : n <= 1 << 16 ? 2 : 4;
    int caseAlign = 1;
    long caseSize = 0;
    for (Optional<ValType> c : cases) {
      if (c.isPresent()) {
        SizeAlign sa = of(c.get(), facts);
        if (sa == null) {
          return null;
        }
        caseAlign = Math.max(caseAlign, sa.align());
        caseSize = Math.max(caseSize, sa.size());
      }
    }
    int align = Math.max(disc, caseAlign);
    return new SizeAlign(alignTo(alignTo(disc, caseAlign) + caseSize, align), align);
  }

  /** Whether {@code d} transitively holds an {@code own} or {@code borrow} handle. */
  static boolean hasHandle(DefValType d, Function<ValType, Facts> facts) {
    return switch (d) {
      case OwnDef o -> true;
      case BorrowDef b -> true;
      case PrimValType p -> false;
      case FlagsDef f -> false;
      case EnumDef e -> false;
      case ListDef l -> any(List.of(l.element()), facts);
      case RecordDef r -> any(r.fields().stream().map(LabelValType::type).toList(), facts);
      case TupleDef t -> any(t.types(), facts);
      case VariantDef v -> any(v.cases().stream().flatMap(c -> c.type().stream()).toList(), facts);
      case OptionDef o -> any(List.of(o.type()), facts);
      case ResultDef r ->
          any(java.util.stream.Stream.concat(r.ok().stream(), r.error().stream()).toList(), facts);
    };
  }

  private static boolean any(List<ValType> types, Function<ValType, Facts> facts) {
    for (ValType t : types) {
      if (facts.apply(t) instanceof Facts.ValueType v && v.hasHandle()) {
        return true;
      }
    }
    return false;
  }
}
