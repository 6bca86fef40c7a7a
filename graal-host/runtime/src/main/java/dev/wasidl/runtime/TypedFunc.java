package dev.wasidl.runtime;

import dev.wasidl.abi.Trap;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.Type;
import dev.wasidl.types.U8List;
import dev.wasidl.types.Val;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A component function seen through Java types, checked once against its WIT type by {@link
 * Func#typed}: {@code boolean} bool, {@code byte} s8, {@code short} s16, {@code int} s32, u8 and
 * u16, {@code long} s64, u32 and u64 (its 64 bits), {@code float} f32, {@code double} f64, {@code
 * String} string, {@code Integer} char (a code point), {@code byte[]} list&lt;u8&gt;, {@link Val}
 * any type, {@code Void} no result.
 *
 * <p>When every parameter and the result has such a Java class other than {@link Val}, and the
 * function is lifted from core wasm with at most 16 core parameters, calls skip {@link Val}s: a
 * {@link DirectExport} planned here once converts the Java values straight to and from core values.
 * Other functions go through {@link Func#call}. Both apply the same checks and traps.
 *
 * @param <R> the Java result type
 */
public final class TypedFunc<R> {
  private final Func func;
  private final List<Type> params;
  private final Optional<Type> result;
  private final Class<R> resultClass;
  private final @Nullable DirectExport direct;

  private TypedFunc(Func func, Class<R> resultClass, @Nullable DirectExport direct) {
    this.func = func;
    this.direct = direct;
    this.params = func.type().paramTypes();
    this.result = func.type().result();
    this.resultClass = resultClass;
  }

  static <R> TypedFunc<R> of(Func func, Class<R> result, Class<?>... params) {
    FuncType type = func.type();
    if (params.length != type.params().size()) {
      throw new IllegalArgumentException(
          func.name()
              + " "
              + type
              + " takes "
              + type.params().size()
              + " parameters, not "
              + params.length);
    }
    for (int i = 0; i < params.length; i++) {
      check(func, "parameter " + i, params[i], type.params().get(i).type());
    }
    if (type.result().isEmpty()) {
      if (result != Void.class) {
        throw new IllegalArgumentException(
            func.name() + " " + type + " returns nothing: use Void.class");
      }
    } else {
      check(func, "the result", result, type.result().get());
    }
    return new TypedFunc<>(func, result, DirectExport.of(func, result, params));
  }

  private static void check(Func func, String what, Class<?> java, Type wit) {
    if (java == Val.class || expected(wit).contains(box(java))) {
      return;
    }
    throw new IllegalArgumentException(
        func.name()
            + ": "
            + what
            + " is "
            + wit
            + ", which "
            + java.getSimpleName()
            + " cannot carry (use "
            + expected(wit)
            + " or Val)");
  }

  private static List<Class<?>> expected(Type t) {
    if (t instanceof ListType l && l.element() == Primitive.U8) {
      return List.of(byte[].class);
    }
    if (!(t instanceof Primitive p)) {
      return List.of(Val.class);
    }
    return switch (p) {
      case BOOL -> List.of(Boolean.class);
      case S8 -> List.of(Byte.class);
      case S16 -> List.of(Short.class);
      case S32, U8, U16 -> List.of(Integer.class);
      case S64, U32, U64 -> List.of(Long.class);
      case F32 -> List.of(Float.class);
      case F64 -> List.of(Double.class);
      case CHAR -> List.of(Integer.class);
      case STRING -> List.of(String.class);
    };
  }

  private static Class<?> box(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    return switch (c.getName()) {
      case "boolean" -> Boolean.class;
      case "byte" -> Byte.class;
      case "short" -> Short.class;
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "float" -> Float.class;
      case "double" -> Double.class;
      default -> c;
    };
  }

  /** Calls the function with Java values of the checked types. */
  @SuppressWarnings("unchecked") // the direct path's result has the checked class
  public R call(Object... args) {
    if (args.length != params.size()) {
      throw new Trap(func.name() + " takes " + params.size() + " arguments, got " + args.length);
    }
    DirectExport d = direct;
    if (d != null) {
      return (R) d.call(args);
    }
    List<Val> vals = new ArrayList<>(args.length);
    for (int i = 0; i < args.length; i++) {
      vals.add(toVal(params.get(i), args[i]));
    }
    Optional<Val> out = func.call(vals);
    if (result.isEmpty()) {
      return null;
    }
    return resultClass.cast(fromVal(result.get(), out.orElseThrow()));
  }

  private static Val toVal(Type t, Object v) {
    if (v instanceof Val val) {
      return val;
    }
    if (v instanceof byte[] bytes) {
      return new Val.ListVal(U8List.copyOf(bytes));
    }
    if (!(t instanceof Primitive p)) {
      throw new IllegalArgumentException(t + " needs a Val, got " + v);
    }
    return switch (p) {
      case BOOL -> new Val.Bool((Boolean) v);
      case S8 -> new Val.S8((Byte) v);
      case S16 -> new Val.S16((Short) v);
      case S32 -> new Val.S32((Integer) v);
      case U8 -> new Val.U8((Integer) v);
      case U16 -> new Val.U16((Integer) v);
      case U32 -> new Val.U32((Long) v);
      case S64 -> new Val.S64((Long) v);
      case U64 -> new Val.U64((Long) v);
      case F32 -> new Val.F32((Float) v);
      case F64 -> new Val.F64((Double) v);
      case CHAR -> new Val.Char((Integer) v);
      case STRING -> new Val.Str((String) v);
    };
  }

  private Object fromVal(Type t, Val v) {
    if (resultClass == Val.class) {
      return v;
    }
    return switch (v) {
      case Val.Bool b -> b.value();
      case Val.S8 x -> x.value();
      case Val.S16 x -> x.value();
      case Val.S32 x -> x.value();
      case Val.U8 x -> x.value();
      case Val.U16 x -> x.value();
      case Val.U32 x -> x.value();
      case Val.S64 x -> x.value();
      case Val.U64 x -> x.value();
      case Val.F32 x -> x.value();
      case Val.F64 x -> x.value();
      case Val.Char x -> x.codePoint();
      case Val.Str x -> x.value();
      case Val.ListVal x when resultClass == byte[].class -> bytes(x);
      default -> throw new IllegalStateException(t + " came back as " + v);
    };
  }

  private static byte[] bytes(Val.ListVal list) {
    if (list.elements() instanceof U8List u8s) {
      return u8s.toByteArray();
    }
    byte[] out = new byte[list.elements().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ((Val.U8) list.elements().get(i)).value();
    }
    return out;
  }

  /** Whether its calls skip {@link Val}s (see the class comment). */
  boolean isDirect() {
    return direct != null;
  }

  @Override
  public String toString() {
    return func.toString();
  }
}
