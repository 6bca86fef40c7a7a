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
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The spec's "Flat Lifting" section. */
final class FlatLifting {
  private FlatLifting() {}

  static Val liftFlat(LiftLowerContext cx, FlatSource vi, Type t) {
    return switch (t) {
      case Primitive p ->
          switch (p) {
            case BOOL -> new Val.Bool(i32(vi) != 0);
            case U8 -> new Val.U8(i32(vi) & 0xff);
            case U16 -> new Val.U16(i32(vi) & 0xffff);
            case U32 -> new Val.U32(Integer.toUnsignedLong(i32(vi)));
            case U64 -> new Val.U64(vi.next(FlatType.I64));
            case S8 -> new Val.S8((byte) i32(vi));
            case S16 -> new Val.S16((short) i32(vi));
            case S32 -> new Val.S32(i32(vi));
            case S64 -> new Val.S64(vi.next(FlatType.I64));
            case F32 -> new Val.F32(Values.decodeF32((int) vi.next(FlatType.F32)));
            case F64 -> new Val.F64(Values.decodeF64(vi.next(FlatType.F64)));
            case CHAR -> Values.convertI32ToChar(i32(vi));
            case STRING -> {
              long ptr = Integer.toUnsignedLong(i32(vi));
              long packedLength = Integer.toUnsignedLong(i32(vi));
              yield new Val.Str(Strings.loadStringFromRange(cx, ptr, packedLength));
            }
          };
      case ListType l -> {
        long ptr = Integer.toUnsignedLong(i32(vi));
        long length = Integer.toUnsignedLong(i32(vi));
        yield Loading.loadListFromRange(cx, ptr, length, l.element());
      }
      case RecordType r ->
          Values.fieldsVal(t, liftFlatRecord(cx, vi, cx.facts().get(t).fieldTypes()));
      case TupleType tt ->
          Values.fieldsVal(t, liftFlatRecord(cx, vi, cx.facts().get(t).fieldTypes()));
      case VariantType v -> liftFlatVariant(cx, vi, t);
      case EnumType e -> liftFlatVariant(cx, vi, t);
      case OptionType o -> liftFlatVariant(cx, vi, t);
      case ResultType r -> liftFlatVariant(cx, vi, t);
      case FlagsType f -> {
        int[] words = new int[SizeAlign.i32Flags(f.names().size())];
        for (int i = 0; i < words.length; i++) {
          words[i] = i32(vi);
        }
        yield Values.unpackFlags(words, f);
      }
      case OwnType o -> new Val.Own(Handles.liftOwn(cx, i32(vi), o.resource()));
      case BorrowType b -> new Val.Borrow(Handles.liftBorrow(cx, i32(vi), b.resource()));
    };
  }

  private static int i32(FlatSource vi) {
    return (int) vi.next(FlatType.I32);
  }

  private static List<Val> liftFlatRecord(LiftLowerContext cx, FlatSource vi, List<Type> types) {
    List<Val> values = new ArrayList<>(types.size());
    for (Type f : types) {
      values.add(liftFlat(cx, vi, f));
    }
    return values;
  }

  private static Val liftFlatVariant(LiftLowerContext cx, FlatSource vi, Type t) {
    TypeFacts.Of facts = cx.facts().get(t);
    List<Optional<Type>> cases = facts.cases();
    long caseIndex = Integer.toUnsignedLong(i32(vi));
    Loading.checkDiscriminant(caseIndex, cases.size(), t);
    Optional<Type> c = cases.get((int) caseIndex);
    // the payload's flat values follow the discriminant's
    Coerce coerce = new Coerce(vi, facts.flat());
    Optional<Val> payload =
        c.isPresent() ? Optional.of(liftFlat(cx, coerce, c.get())) : Optional.empty();
    coerce.skipRest();
    return Values.caseVal(t, (int) caseIndex, payload);
  }

  /** Reads a case's payload from the variant's joined flat types, then skips the rest of them. */
  private static final class Coerce implements FlatSource {
    private final FlatSource vi;
    private final List<FlatType> flat;
    private int next = 1;

    Coerce(FlatSource vi, List<FlatType> flat) {
      this.vi = vi;
      this.flat = flat;
    }

    @Override
    public long next(FlatType want) {
      if (next >= flat.size()) {
        throw new NoSuchElementException("a variant payload wider than its flat type");
      }
      FlatType have = flat.get(next++);
      long x = vi.next(have);
      // With raw bits in a long, i32->f32 and i64->f64 are free; i64->i32/f32 is a wrap.
      return have == FlatType.I64 && (want == FlatType.I32 || want == FlatType.F32)
          ? x & 0xffff_ffffL
          : x;
    }

    void skipRest() {
      while (next < flat.size()) {
        vi.next(flat.get(next++));
      }
    }
  }
}
