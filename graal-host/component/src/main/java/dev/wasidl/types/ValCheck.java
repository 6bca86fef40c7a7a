package dev.wasidl.types;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether values fit a function's parameter types, checked before a call enters the guest: a host
 * passing a value of the wrong kind ({@code Val.S32} for a {@code u32}), a record missing a field,
 * a case the type lacks, or the wrong number of arguments, gets an {@link IllegalArgumentException}
 * naming where, and the instance stays usable. (Lowering traps on the same mistakes, which would
 * poison the instance for a mistake of the host's.) Handles are checked as handles only: whether
 * the instance holds one is for lowering to say.
 */
public final class ValCheck {
  private ValCheck() {}

  /**
   * Checks {@code args} against {@code type}'s parameters.
   *
   * @throws IllegalArgumentException naming {@code function}, the parameter and what does not fit
   */
  public static void arguments(String function, FuncType type, List<Val> args) {
    List<FuncType.Param> params = type.params();
    if (args.size() != params.size()) {
      throw new IllegalArgumentException(
          function + " takes " + params.size() + " arguments " + type + ", got " + args.size());
    }
    for (int i = 0; i < params.size(); i++) {
      Type t = params.get(i).type();
      Val v = args.get(i);
      // primitives first: a type switch costs more than the test itself
      String why = t instanceof Primitive p && v != null && fits(p, v) ? null : why(t, v);
      if (why != null) {
        throw new IllegalArgumentException(function + " argument " + params.get(i).name() + why);
      }
    }
  }

  /**
   * Null if {@code value} fits {@code type}, else why not, as the rest of a sentence whose subject
   * is the value (" is a u32, not S32 5", "[1] is a ...", ".y lacks ..."): no text is built for a
   * value that fits.
   */
  private static @Nullable String why(Type type, @Nullable Val value) {
    if (value == null) {
      return " is null, not a " + type;
    }
    return switch (type) {
      case Primitive p -> fits(p, value) ? null : mismatch(type, value);
      case ListType l -> {
        if (!(value instanceof Val.ListVal v)) {
          yield mismatch(type, value);
        }
        if (v.elements() instanceof U8List) {
          yield null;
        }
        for (int i = 0; i < v.elements().size(); i++) {
          String why = why(l.element(), v.elements().get(i));
          if (why != null) {
            yield "[" + i + "]" + why;
          }
        }
        yield null;
      }
      case RecordType r -> {
        if (!(value instanceof Val.RecordVal v)) {
          yield mismatch(type, value);
        }
        for (RecordType.Field f : r.fields()) {
          Optional<Val> field = v.get(f.name());
          if (field.isEmpty()) {
            yield " lacks field " + f.name();
          }
          String why = why(f.type(), field.get());
          if (why != null) {
            yield "." + f.name() + why;
          }
        }
        // every field found: with equal counts, no other field and no name twice
        yield v.fields().size() == r.fields().size()
            ? null
            : " has fields " + type + " lacks: " + value;
      }
      case TupleType t -> {
        if (!(value instanceof Val.Tuple v) || v.values().size() != t.types().size()) {
          yield mismatch(type, value);
        }
        for (int i = 0; i < t.types().size(); i++) {
          String why = why(t.types().get(i), v.values().get(i));
          if (why != null) {
            yield "." + i + why;
          }
        }
        yield null;
      }
      case VariantType t -> {
        if (!(value instanceof Val.Variant v)) {
          yield mismatch(type, value);
        }
        int index = t.indexOf(v.caseName());
        if (index < 0) {
          yield ": " + type + " has no case " + v.caseName();
        }
        String why = payload(t.cases().get(index).type(), v.payload());
        yield why == null ? null : " case " + v.caseName() + why;
      }
      case EnumType t -> {
        if (!(value instanceof Val.EnumVal v)) {
          yield mismatch(type, value);
        }
        yield t.names().contains(v.caseName())
            ? null
            : ": " + type + " has no case " + v.caseName();
      }
      case OptionType t -> {
        if (!(value instanceof Val.OptionVal v)) {
          yield mismatch(type, value);
        }
        String why = v.value().isEmpty() ? null : why(t.type(), v.value().get());
        yield why == null ? null : " some" + why;
      }
      case ResultType t -> {
        if (!(value instanceof Val.ResultVal v)) {
          yield mismatch(type, value);
        }
        String why = payload(v.isOk() ? t.ok() : t.error(), v.payload());
        yield why == null ? null : (v.isOk() ? " ok" : " err") + why;
      }
      case FlagsType t -> {
        if (!(value instanceof Val.Flags v)) {
          yield mismatch(type, value);
        }
        for (String name : v.names()) {
          if (!t.names().contains(name)) {
            yield ": " + type + " has no flag " + name;
          }
        }
        yield null;
      }
      case OwnType _ -> value instanceof Val.Own ? null : mismatch(type, value);
      case BorrowType _ -> value instanceof Val.Borrow ? null : mismatch(type, value);
    };
  }

  private static @Nullable String payload(Optional<Type> type, Optional<Val> payload) {
    if (type.isPresent() != payload.isPresent()) {
      return type.isPresent() ? " needs a payload of " + type.get() : " takes no payload";
    }
    return type.isPresent() ? why(type.get(), payload.get()) : null;
  }

  private static boolean fits(Primitive p, Val v) {
    return switch (p) {
      case BOOL -> v instanceof Val.Bool;
      case S8 -> v instanceof Val.S8;
      case U8 -> v instanceof Val.U8;
      case S16 -> v instanceof Val.S16;
      case U16 -> v instanceof Val.U16;
      case S32 -> v instanceof Val.S32;
      case U32 -> v instanceof Val.U32;
      case S64 -> v instanceof Val.S64;
      case U64 -> v instanceof Val.U64;
      case F32 -> v instanceof Val.F32;
      case F64 -> v instanceof Val.F64;
      case CHAR -> v instanceof Val.Char;
      case STRING -> v instanceof Val.Str;
    };
  }

  private static String mismatch(Type type, Val value) {
    return " is a " + type + ", not " + value.getClass().getSimpleName() + " " + value;
  }
}
