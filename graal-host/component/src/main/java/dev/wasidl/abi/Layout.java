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

  static int alignment(Type t) {
    return switch (t) {
      case Primitive p ->
          switch (p) {
            case BOOL, S8, U8 -> 1;
            case S16, U16 -> 2;
            case S32, U32, F32, CHAR, STRING -> 4;
            case S64, U64, F64 -> 8;
          };
      case ListType l -> 4;
      case RecordType r -> alignmentRecord(r.types());
      case TupleType tt -> alignmentRecord(tt.types());
      case VariantType v -> alignmentVariant(caseTypes(v));
      case EnumType e -> alignmentVariant(caseTypes(e));
      case OptionType o -> alignmentVariant(caseTypes(o));
      case ResultType r -> alignmentVariant(caseTypes(r));
      case FlagsType f -> alignmentFlags(f.names().size());
      case OwnType o -> 4;
      case BorrowType b -> 4;
    };
  }

  static int alignmentRecord(List<Type> types) {
    int a = 1;
    for (Type t : types) {
      a = Math.max(a, alignment(t));
    }
    return a;
  }

  static int alignmentVariant(List<Optional<Type>> cases) {
    return Math.max(alignment(discriminantType(cases.size())), maxCaseAlignment(cases));
  }

  /** {@code u8}, {@code u16} or {@code u32}: the smallest that numbers {@code n} cases. */
  static Primitive discriminantType(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("a variant needs at least one case");
    }
    if (n <= 1 << 8) {
      return Primitive.U8;
    }
    if (n <= 1 << 16) {
      return Primitive.U16;
    }
    return Primitive.U32;
  }

  static int maxCaseAlignment(List<Optional<Type>> cases) {
    int a = 1;
    for (Optional<Type> c : cases) {
      if (c.isPresent()) {
        a = Math.max(a, alignment(c.get()));
      }
    }
    return a;
  }

  static int alignmentFlags(int n) {
    if (n <= 8) {
      return 1;
    }
    if (n <= 16) {
      return 2;
    }
    return 4;
  }

  static long elemSize(Type t) {
    return switch (t) {
      case Primitive p ->
          switch (p) {
            case BOOL, S8, U8 -> 1;
            case S16, U16 -> 2;
            case S32, U32, F32, CHAR -> 4;
            case S64, U64, F64, STRING -> 8;
          };
      case ListType l -> 8;
      case RecordType r -> elemSizeRecord(r.types());
      case TupleType tt -> elemSizeRecord(tt.types());
      case VariantType v -> elemSizeVariant(caseTypes(v));
      case EnumType e -> elemSizeVariant(caseTypes(e));
      case OptionType o -> elemSizeVariant(caseTypes(o));
      case ResultType r -> elemSizeVariant(caseTypes(r));
      case FlagsType f -> elemSizeFlags(f.names().size());
      case OwnType o -> 4;
      case BorrowType b -> 4;
    };
  }

  static long elemSizeRecord(List<Type> types) {
    long s = 0;
    for (Type t : types) {
      s = alignTo(s, alignment(t));
      s += elemSize(t);
    }
    return alignTo(s, alignmentRecord(types));
  }

  static long elemSizeVariant(List<Optional<Type>> cases) {
    long s = elemSize(discriminantType(cases.size()));
    s = alignTo(s, maxCaseAlignment(cases));
    long cs = 0;
    for (Optional<Type> c : cases) {
      if (c.isPresent()) {
        cs = Math.max(cs, elemSize(c.get()));
      }
    }
    s += cs;
    return alignTo(s, alignmentVariant(cases));
  }

  static long elemSizeFlags(int n) {
    if (n <= 8) {
      return 1;
    }
    if (n <= 16) {
      return 2;
    }
    return 4L * numI32Flags(n);
  }

  /** How many {@code i32}s hold {@code n} flags (one, except beyond the spec's limit of 32). */
  static int numI32Flags(int n) {
    return (n + 31) / 32;
  }

  static long alignTo(long ptr, long alignment) {
    return (ptr + alignment - 1) / alignment * alignment;
  }

  static boolean isAligned(long ptr, long alignment) {
    return ptr % alignment == 0;
  }
}
