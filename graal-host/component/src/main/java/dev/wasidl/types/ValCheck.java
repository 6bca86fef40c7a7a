package dev.wasidl.types;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    if (fit(type, args)) {
      return; // the common case, without building a message
    }
    if (args.size() != type.params().size()) {
      throw new IllegalArgumentException(
          function
              + " takes "
              + type.params().size()
              + " arguments "
              + type
              + ", got "
              + args.size());
    }
    for (int i = 0; i < args.size(); i++) {
      FuncType.Param p = type.params().get(i);
      check(p.type(), args.get(i), function + " argument " + p.name());
    }
  }

  /**
   * Checks that {@code value} fits {@code type}; {@code where} names it in the message.
   *
   * @throws IllegalArgumentException if it does not
   */
  public static void check(Type type, @Nullable Val value, String where) {
    if (value == null) {
      throw new IllegalArgumentException(where + " is null, not a " + type);
    }
    switch (type) {
      case Primitive p -> {
        if (!fits(p, value)) {
          throw mismatch(where, type, value);
        }
      }
      case ListType l -> {
        List<Val> elements = as(Val.ListVal.class, type, value, where).elements();
        if (!(elements instanceof U8List)) {
          for (int i = 0; i < elements.size(); i++) {
            check(l.element(), elements.get(i), where + "[" + i + "]");
          }
        }
      }
      case RecordType r -> {
        Val.RecordVal v = as(Val.RecordVal.class, type, value, where);
        Set<String> names = new HashSet<>();
        for (Val.Field f : v.fields()) {
          if (!names.add(f.name())) {
            throw new IllegalArgumentException(where + " has field " + f.name() + " twice");
          }
        }
        for (RecordType.Field f : r.fields()) {
          Val field =
              v.get(f.name())
                  .orElseThrow(
                      () -> new IllegalArgumentException(where + " lacks field " + f.name()));
          check(f.type(), field, where + "." + f.name());
        }
        if (v.fields().size() != r.fields().size()) {
          throw new IllegalArgumentException(where + " has fields " + type + " lacks: " + value);
        }
      }
      case TupleType t -> {
        List<Val> values = as(Val.Tuple.class, type, value, where).values();
        if (values.size() != t.types().size()) {
          throw mismatch(where, type, value);
        }
        for (int i = 0; i < values.size(); i++) {
          check(t.types().get(i), values.get(i), where + "." + i);
        }
      }
      case VariantType t -> {
        Val.Variant v = as(Val.Variant.class, type, value, where);
        int index = t.indexOf(v.caseName());
        if (index < 0) {
          throw new IllegalArgumentException(where + ": " + type + " has no case " + v.caseName());
        }
        payload(t.cases().get(index).type(), v.payload(), where + " case " + v.caseName());
      }
      case EnumType t -> {
        String name = as(Val.EnumVal.class, type, value, where).caseName();
        if (!t.names().contains(name)) {
          throw new IllegalArgumentException(where + ": " + type + " has no case " + name);
        }
      }
      case OptionType t -> {
        Optional<Val> inner = as(Val.OptionVal.class, type, value, where).value();
        if (inner.isPresent()) {
          check(t.type(), inner.get(), where + " some");
        }
      }
      case ResultType t -> {
        Val.ResultVal v = as(Val.ResultVal.class, type, value, where);
        payload(v.isOk() ? t.ok() : t.error(), v.payload(), where + (v.isOk() ? " ok" : " err"));
      }
      case FlagsType t -> {
        for (String name : as(Val.Flags.class, type, value, where).names()) {
          if (!t.names().contains(name)) {
            throw new IllegalArgumentException(where + ": " + type + " has no flag " + name);
          }
        }
      }
      case OwnType _ -> as(Val.Own.class, type, value, where);
      case BorrowType _ -> as(Val.Borrow.class, type, value, where);
    }
  }

  private static boolean fit(FuncType type, List<Val> args) {
    List<FuncType.Param> params = type.params();
    if (args.size() != params.size()) {
      return false;
    }
    for (int i = 0; i < params.size(); i++) {
      Type t = params.get(i).type();
      Val v = args.get(i);
      // primitives first: a type switch costs more than the test itself
      if (t instanceof Primitive p ? v == null || !fits(p, v) : !fits(t, v)) {
        return false;
      }
    }
    return true;
  }

  /** {@link #check} as a test: true if it would pass. */
  private static boolean fits(Type type, @Nullable Val value) {
    return value != null
        && switch (type) {
          case Primitive p -> fits(p, value);
          case ListType l -> {
            if (!(value instanceof Val.ListVal v)) {
              yield false;
            }
            if (v.elements() instanceof U8List) {
              yield true;
            }
            for (Val e : v.elements()) {
              if (!fits(l.element(), e)) {
                yield false;
              }
            }
            yield true;
          }
          case RecordType r -> {
            // every field found and no other: with equal counts, no name can repeat
            if (!(value instanceof Val.RecordVal v) || v.fields().size() != r.fields().size()) {
              yield false;
            }
            for (RecordType.Field f : r.fields()) {
              Optional<Val> field = v.get(f.name());
              if (field.isEmpty() || !fits(f.type(), field.get())) {
                yield false;
              }
            }
            yield true;
          }
          case TupleType t -> {
            if (!(value instanceof Val.Tuple v) || v.values().size() != t.types().size()) {
              yield false;
            }
            for (int i = 0; i < t.types().size(); i++) {
              if (!fits(t.types().get(i), v.values().get(i))) {
                yield false;
              }
            }
            yield true;
          }
          case VariantType t -> {
            if (!(value instanceof Val.Variant v)) {
              yield false;
            }
            int index = t.indexOf(v.caseName());
            yield index >= 0 && fitsPayload(t.cases().get(index).type(), v.payload());
          }
          case EnumType t -> value instanceof Val.EnumVal v && t.names().contains(v.caseName());
          case OptionType t ->
              value instanceof Val.OptionVal v
                  && (v.value().isEmpty() || fits(t.type(), v.value().get()));
          case ResultType t ->
              value instanceof Val.ResultVal v
                  && fitsPayload(v.isOk() ? t.ok() : t.error(), v.payload());
          case FlagsType t -> value instanceof Val.Flags v && t.names().containsAll(v.names());
          case OwnType _ -> value instanceof Val.Own;
          case BorrowType _ -> value instanceof Val.Borrow;
        };
  }

  private static boolean fitsPayload(Optional<Type> type, Optional<Val> payload) {
    return type.isPresent() == payload.isPresent()
        && (type.isEmpty() || fits(type.get(), payload.get()));
  }

  private static void payload(Optional<Type> type, Optional<Val> payload, String where) {
    if (type.isPresent() != payload.isPresent()) {
      throw new IllegalArgumentException(
          where + (type.isPresent() ? " needs a payload of " + type.get() : " takes no payload"));
    }
    if (type.isPresent()) {
      check(type.get(), payload.get(), where);
    }
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

  private static <V extends Val> V as(Class<V> kind, Type type, Val value, String where) {
    if (!kind.isInstance(value)) {
      throw mismatch(where, type, value);
    }
    return kind.cast(value);
  }

  private static IllegalArgumentException mismatch(String where, Type type, Val value) {
    return new IllegalArgumentException(
        where + " is a " + type + ", not " + value.getClass().getSimpleName() + " " + value);
  }
}
