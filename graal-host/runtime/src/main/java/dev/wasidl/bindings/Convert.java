package dev.wasidl.bindings;

import dev.wasidl.abi.Trap;
import dev.wasidl.types.U8List;
import dev.wasidl.types.Val;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Java values to and from {@link Val}s, for generated bindings. Unsigned WIT integers travel in the
 * Java type of their width holding the same bits ({@code u8} a {@code byte}, {@code u32} an {@code
 * int}), as Java itself does; a {@code char} is an {@code int} code point. A value of the wrong
 * shape (a host bug, since lifted values follow the import's type) traps naming what was expected.
 */
public final class Convert {
  private Convert() {}

  public static Val bool(boolean v) {
    return new Val.Bool(v);
  }

  public static boolean asBool(Val v) {
    return as(v, Val.Bool.class).value();
  }

  public static Val s8(byte v) {
    return new Val.S8(v);
  }

  public static byte asS8(Val v) {
    return as(v, Val.S8.class).value();
  }

  public static Val u8(byte v) {
    return U8List.u8(v);
  }

  public static byte asU8(Val v) {
    return (byte) as(v, Val.U8.class).value();
  }

  public static Val s16(short v) {
    return new Val.S16(v);
  }

  public static short asS16(Val v) {
    return as(v, Val.S16.class).value();
  }

  public static Val u16(short v) {
    return new Val.U16(Short.toUnsignedInt(v));
  }

  public static short asU16(Val v) {
    return (short) as(v, Val.U16.class).value();
  }

  public static Val s32(int v) {
    return new Val.S32(v);
  }

  public static int asS32(Val v) {
    return as(v, Val.S32.class).value();
  }

  public static Val u32(int v) {
    return new Val.U32(Integer.toUnsignedLong(v));
  }

  public static int asU32(Val v) {
    return (int) as(v, Val.U32.class).value();
  }

  public static Val s64(long v) {
    return new Val.S64(v);
  }

  public static long asS64(Val v) {
    return as(v, Val.S64.class).value();
  }

  public static Val u64(long v) {
    return new Val.U64(v);
  }

  public static long asU64(Val v) {
    return as(v, Val.U64.class).value();
  }

  public static Val f32(float v) {
    return new Val.F32(v);
  }

  public static float asF32(Val v) {
    return as(v, Val.F32.class).value();
  }

  public static Val f64(double v) {
    return new Val.F64(v);
  }

  public static double asF64(Val v) {
    return as(v, Val.F64.class).value();
  }

  /** A {@code char} from a code point; traps if it is not a Unicode scalar value. */
  public static Val character(int codePoint) {
    try {
      return new Val.Char(codePoint);
    } catch (IllegalArgumentException e) {
      throw new Trap("host returned an invalid char: " + e.getMessage(), e);
    }
  }

  public static int asCharacter(Val v) {
    return as(v, Val.Char.class).codePoint();
  }

  public static Val string(String v) {
    return new Val.Str(Objects.requireNonNull(v, "a WIT string cannot be null"));
  }

  public static String asString(Val v) {
    return as(v, Val.Str.class).value();
  }

  /** {@code list<u8>} from bytes (held as bytes: see {@link U8List}). */
  public static Val bytes(byte[] v) {
    return new Val.ListVal(U8List.copyOf(v));
  }

  /** {@code list<u8>} to bytes. */
  public static byte[] asBytes(Val v) {
    List<Val> elements = as(v, Val.ListVal.class).elements();
    if (elements instanceof U8List bytes) {
      return bytes.toByteArray();
    }
    byte[] out = new byte[elements.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = asU8(elements.get(i));
    }
    return out;
  }

  public static <T> Val list(List<T> v, Function<? super T, Val> element) {
    List<Val> out = new ArrayList<>(v.size());
    for (T t : v) {
      out.add(element.apply(t));
    }
    return new Val.ListVal(out);
  }

  public static <T> List<T> asList(Val v, Function<Val, ? extends T> element) {
    List<Val> elements = as(v, Val.ListVal.class).elements();
    List<T> out = new ArrayList<>(elements.size());
    for (Val e : elements) {
      out.add(element.apply(e));
    }
    return out;
  }

  public static <T> Val option(Optional<T> v, Function<? super T, Val> some) {
    return new Val.OptionVal(v.map(some));
  }

  public static <T> Optional<T> asOption(Val v, Function<Val, ? extends T> some) {
    return as(v, Val.OptionVal.class).value().map(some);
  }

  /**
   * A {@code result}; a null {@code ok} or {@code err} function marks a side without a type (its
   * value is ignored).
   */
  public static <T, E> Val result(
      Result<T, E> v,
      @Nullable Function<? super T, Val> ok,
      @Nullable Function<? super E, Val> err) {
    return switch (v) {
      case Result.Ok<T, E>(T value) ->
          new Val.ResultVal(true, ok == null ? Optional.empty() : Optional.of(ok.apply(value)));
      case Result.Err<T, E>(E error) ->
          new Val.ResultVal(false, err == null ? Optional.empty() : Optional.of(err.apply(error)));
    };
  }

  public static <T, E> Result<T, E> asResult(
      Val v, @Nullable Function<Val, ? extends T> ok, @Nullable Function<Val, ? extends E> err) {
    Val.ResultVal r = as(v, Val.ResultVal.class);
    if (r.isOk()) {
      return Result.ok(ok == null ? null : ok.apply(r.payload().orElseThrow()));
    }
    return Result.err(err == null ? null : err.apply(r.payload().orElseThrow()));
  }

  public static Val own(Resource<?> v) {
    return new Val.Own(v.rep());
  }

  public static Val borrow(Resource<?> v) {
    return new Val.Borrow(v.rep());
  }

  /** An {@code own} or {@code borrow} handle's representation. */
  public static <T> Resource<T> asResource(Val v) {
    return switch (v) {
      case Val.Own(int rep) -> new Resource<>(rep);
      case Val.Borrow(int rep) -> new Resource<>(rep);
      default -> throw new Trap("expected a resource handle, got " + v);
    };
  }

  /** The values of a record's fields (in the type's order) or of a tuple, checking the count. */
  public static List<Val> fields(Val v, int count) {
    List<Val> out =
        switch (v) {
          case Val.RecordVal r -> r.fields().stream().map(Val.Field::value).toList();
          case Val.Tuple t -> t.values();
          default -> throw new Trap("expected a record or tuple, got " + v);
        };
    if (out.size() != count) {
      throw new Trap("expected " + count + " fields, got " + v);
    }
    return out;
  }

  /** A variant's case name. */
  public static String caseName(Val v) {
    return switch (v) {
      case Val.Variant x -> x.caseName();
      case Val.EnumVal x -> x.caseName();
      default -> throw new Trap("expected a variant or enum, got " + v);
    };
  }

  /** A variant's payload (the case has a type). */
  public static Val payload(Val v) {
    return as(v, Val.Variant.class)
        .payload()
        .orElseThrow(() -> new Trap("variant case " + v + " has no payload"));
  }

  /** The names set in a {@code flags} value. */
  public static java.util.Set<String> flagNames(Val v) {
    return as(v, Val.Flags.class).names();
  }

  /** An unknown case or flag name: the value does not fit the generated type. */
  public static Trap unknownCase(String type, String name) {
    return new Trap(type + " has no case " + name);
  }

  private static <V extends Val> V as(Val v, Class<V> type) {
    if (!type.isInstance(v)) {
      throw new Trap("expected a " + type.getSimpleName() + ", got " + v);
    }
    return type.cast(v);
  }
}
