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
import java.util.List;
import java.util.Optional;

/** The spec's "Flat Lowering" section. */
final class FlatLowering {
  private FlatLowering() {}

  static void lowerFlat(LiftLowerContext cx, Val v, Type t, FlatBuilder out) {
    switch (t) {
      case Primitive p -> {
        switch (p) {
          case BOOL -> out.addI32(Values.expect(v, Val.Bool.class, t).value() ? 1 : 0);
          case U8 -> out.addI32(Values.expect(v, Val.U8.class, t).value());
          case U16 -> out.addI32(Values.expect(v, Val.U16.class, t).value());
          case U32 -> out.add(Values.expect(v, Val.U32.class, t).value());
          case U64 -> out.add(Values.expect(v, Val.U64.class, t).value());
          case S8 -> out.addI32(Values.expect(v, Val.S8.class, t).value());
          case S16 -> out.addI32(Values.expect(v, Val.S16.class, t).value());
          case S32 -> out.addI32(Values.expect(v, Val.S32.class, t).value());
          case S64 -> out.add(Values.expect(v, Val.S64.class, t).value());
          case F32 -> out.addI32(Values.encodeF32(Values.expect(v, Val.F32.class, t).value()));
          case F64 -> out.add(Values.encodeF64(Values.expect(v, Val.F64.class, t).value()));
          case CHAR -> out.addI32(Values.expect(v, Val.Char.class, t).codePoint());
          case STRING -> {
            CanonicalAbi.Range r =
                Strings.storeStringIntoRange(cx, Values.expect(v, Val.Str.class, t).value());
            out.add(r.ptr());
            out.add(r.length());
          }
        }
      }
      case ListType l -> {
        CanonicalAbi.Range r = Storing.storeListIntoRange(cx, v, l);
        out.add(r.ptr());
        out.add(r.length());
      }
      case RecordType r ->
          lowerFlatRecord(cx, Values.fieldValues(v, t), cx.facts().get(t).fieldTypes(), out);
      case TupleType tt ->
          lowerFlatRecord(cx, Values.fieldValues(v, t), cx.facts().get(t).fieldTypes(), out);
      case VariantType vt -> lowerFlatVariant(cx, v, t, out);
      case EnumType e -> lowerFlatVariant(cx, v, t, out);
      case OptionType o -> lowerFlatVariant(cx, v, t, out);
      case ResultType r -> lowerFlatVariant(cx, v, t, out);
      case FlagsType f -> {
        for (int word : Values.packFlags(v, f)) {
          out.addI32(word);
        }
      }
      case OwnType o ->
          out.addI32(Handles.lowerOwn(cx, Values.expect(v, Val.Own.class, t).rep(), o.resource()));
      case BorrowType b ->
          out.addI32(
              Handles.lowerBorrow(cx, Values.expect(v, Val.Borrow.class, t).rep(), b.resource()));
    }
  }

  private static void lowerFlatRecord(
      LiftLowerContext cx, List<Val> values, List<Type> types, FlatBuilder out) {
    for (int i = 0; i < types.size(); i++) {
      lowerFlat(cx, values.get(i), types.get(i), out);
    }
  }

  /**
   * The case index, the payload, then zeros up to the variant's flat width. The spec's payload
   * coercions (f32 to i32, i32/f32/f64 to i64) need no work: flat values are already raw bits,
   * zero-extended (see {@link CoreValueIter}).
   */
  private static void lowerFlatVariant(LiftLowerContext cx, Val v, Type t, FlatBuilder out) {
    TypeFacts.Of facts = cx.facts().get(t);
    List<Optional<Type>> cases = facts.cases();
    Values.CaseVal c = Values.matchCase(v, t, cases);
    int width = facts.flat().size();
    int start = out.size();
    out.addI32(c.index());
    Optional<Type> caseType = cases.get(c.index());
    if (caseType.isPresent()) {
      lowerFlat(cx, c.payload().orElseThrow(), caseType.get(), out);
    }
    while (out.size() < start + width) {
      out.add(0);
    }
  }
}
