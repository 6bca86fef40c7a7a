package dev.wasidl.ffm;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Method handles between Java's primitive carriers and a value's bits in a {@code long}: the form
 * bridge-ffm's raw calls pass C values in, and the form a component runtime passes flat core values
 * in. Integers are sign- or zero-extended; {@code float} and {@code double} travel as their raw
 * bits ({@code float} zero-extended), so no NaN payload changes on the way.
 */
public final class LongBits {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final MethodHandle INT_BITS_TO_FLOAT =
      find(Float.class, "intBitsToFloat", float.class, int.class);
  private static final MethodHandle FLOAT_TO_RAW_INT_BITS =
      find(Float.class, "floatToRawIntBits", int.class, float.class);
  private static final MethodHandle LONG_BITS_TO_DOUBLE =
      find(Double.class, "longBitsToDouble", double.class, long.class);
  private static final MethodHandle DOUBLE_TO_RAW_LONG_BITS =
      find(Double.class, "doubleToRawLongBits", long.class, double.class);
  private static final MethodHandle BYTE_TO_UNSIGNED_LONG =
      find(Byte.class, "toUnsignedLong", long.class, byte.class);
  private static final MethodHandle SHORT_TO_UNSIGNED_LONG =
      find(Short.class, "toUnsignedLong", long.class, short.class);
  private static final MethodHandle INT_TO_UNSIGNED_LONG =
      find(Integer.class, "toUnsignedLong", long.class, int.class);

  private LongBits() {}

  /**
   * {@code carrier -> long}: {@code byte}, {@code short} and {@code int} sign-extended if {@code
   * signed}, else zero-extended ({@code char} always); {@code float} and {@code double} as raw
   * bits.
   *
   * @throws IllegalArgumentException if {@code carrier} is not a primitive type other than boolean
   */
  public static MethodHandle toLong(Class<?> carrier, boolean signed) {
    if (carrier == float.class) {
      return MethodHandles.filterReturnValue(FLOAT_TO_RAW_INT_BITS, INT_TO_UNSIGNED_LONG);
    }
    if (carrier == double.class) {
      return DOUBLE_TO_RAW_LONG_BITS;
    }
    checkInteger(carrier);
    if (!signed) {
      if (carrier == byte.class) {
        return BYTE_TO_UNSIGNED_LONG;
      }
      if (carrier == short.class) {
        return SHORT_TO_UNSIGNED_LONG;
      }
      if (carrier == int.class) {
        return INT_TO_UNSIGNED_LONG;
      }
    }
    return cast(carrier, long.class); // char zero-extends; long is the identity
  }

  /**
   * {@code long -> carrier}: integers keep the low bits, {@code float} and {@code double} are made
   * from raw bits.
   *
   * @throws IllegalArgumentException as {@link #toLong}
   */
  public static MethodHandle fromLong(Class<?> carrier) {
    if (carrier == float.class) {
      return MethodHandles.filterReturnValue(cast(long.class, int.class), INT_BITS_TO_FLOAT);
    }
    if (carrier == double.class) {
      return LONG_BITS_TO_DOUBLE;
    }
    checkInteger(carrier);
    return cast(long.class, carrier);
  }

  private static void checkInteger(Class<?> carrier) {
    if (carrier != byte.class
        && carrier != short.class
        && carrier != char.class
        && carrier != int.class
        && carrier != long.class) {
      throw new IllegalArgumentException("no long bits for " + carrier);
    }
  }

  private static MethodHandle cast(Class<?> from, Class<?> to) {
    return MethodHandles.explicitCastArguments(
        MethodHandles.identity(from), MethodType.methodType(to, from));
  }

  private static MethodHandle find(Class<?> owner, String name, Class<?> ret, Class<?> arg) {
    try {
      return LOOKUP.findStatic(owner, name, MethodType.methodType(ret, arg));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
