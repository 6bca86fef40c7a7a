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
import dev.wasidl.types.VariantType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Despecialization, alignment and element size (spec sections of the same names). */
final class Layout {
  private Layout() {}

  static Type despecialize(Type t) {
    return switch (t) {
      case TupleType tt -> {
        List<RecordType.Field> fields = new ArrayList<>();
        for (int i = 0; i < tt.types().size(); i++) {
          fields.add(new RecordType.Field(Integer.toString(i), tt.types().get(i)));
        }
        yield new RecordType(fields);
      }
      case EnumType e -> new VariantType(e.names().stream().map(VariantType.Case::of).toList());
      case OptionType o ->
          VariantType.of(VariantType.Case.of("none"), VariantType.Case.of("some", o.type()));
      case ResultType r ->
          VariantType.of(
              new VariantType.Case("ok", r.ok()), new VariantType.Case("error", r.error()));
      case Primitive p -> p;
      case ListType l -> l;
      case RecordType r -> r;
      case VariantType v -> v;
      case FlagsType f -> f;
      case OwnType o -> o;
      case BorrowType b -> b;
    };
  }

  /** The field types of a record or tuple, in order. */
  static List<Type> fieldTypes(Type t) {
    return switch (t) {
      case RecordType r -> r.types();
      case TupleType tt -> tt.types();
      case Primitive _,
          ListType _,
          VariantType _,
          EnumType _,
          OptionType _,
          ResultType _,
          FlagsType _,
          OwnType _,
          BorrowType _ ->
          throw new IllegalArgumentException("not a record or tuple: " + t);
    };
  }

  /** The case payload types of a variant, enum, option or result, in order. */
  static List<Optional<Type>> caseTypes(Type t) {
    return switch (t) {
      case VariantType v -> v.cases().stream().map(VariantType.Case::type).toList();
      case EnumType e -> Collections.nCopies(e.names().size(), Optional.empty());
      case OptionType o -> List.of(Optional.empty(), Optional.of(o.type()));
      case ResultType r -> List.of(r.ok(), r.error());
      case Primitive _,
          ListType _,
          RecordType _,
          TupleType _,
          FlagsType _,
          OwnType _,
          BorrowType _ ->
          throw new IllegalArgumentException("not a variant: " + t);
    };
  }

  /** A 32-bit memory's pointers and lengths. */
  static final int POINTER_SIZE = 4;

  static int alignment(Type t) {
    return sizeAlign(t).alignment();
  }

  static long elemSize(Type t) {
    return sizeAlign(t).size();
  }

  static SizeAlign sizeAlign(Type t) {
    return switch (t) {
      case Primitive p -> SizeAlign.of(p, POINTER_SIZE);
      case ListType l -> SizeAlign.list(POINTER_SIZE);
      case RecordType r -> record(r.types());
      case TupleType tt -> record(tt.types());
      case VariantType v -> variant(caseTypes(v));
      case EnumType e -> variant(caseTypes(e));
      case OptionType o -> variant(caseTypes(o));
      case ResultType r -> variant(caseTypes(r));
      case FlagsType f -> SizeAlign.flags(f.names().size());
      case OwnType o -> SizeAlign.HANDLE;
      case BorrowType b -> SizeAlign.HANDLE;
    };
  }

  static SizeAlign record(List<Type> fields) {
    return SizeAlign.record(fields.stream().map(Layout::sizeAlign).toList());
  }

  static SizeAlign variant(List<Optional<Type>> cases) {
    return SizeAlign.variant(cases.size(), payloads(cases));
  }

  /** The size and alignment of each case that has a payload. */
  static List<SizeAlign> payloads(List<Optional<Type>> cases) {
    return cases.stream().flatMap(Optional::stream).map(Layout::sizeAlign).toList();
  }

  /** {@code u8}, {@code u16} or {@code u32}: the smallest that numbers {@code n} cases. */
  static Primitive discriminantType(int n) {
    return switch (SizeAlign.discriminantSize(n)) {
      case 1 -> Primitive.U8;
      case 2 -> Primitive.U16;
      default -> Primitive.U32;
    };
  }

  static long alignTo(long ptr, long alignment) {
    return SizeAlign.alignTo(ptr, alignment);
  }

  static boolean isAligned(long ptr, long alignment) {
    return ptr % alignment == 0;
  }
}
