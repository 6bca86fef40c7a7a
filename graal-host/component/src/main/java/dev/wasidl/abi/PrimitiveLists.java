package dev.wasidl.abi;

import dev.wasidl.types.Primitive;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists of numbers, bools and chars copied in bulk: one memory read or write for the whole list,
 * the elements decoded from or encoded into a byte array with exactly {@link Loading#load}'s and
 * {@link Storing#store}'s conversions (canonical NaNs, char checks, bools as 0/1). A memory access
 * per element would cost a polyglot call each.
 */
final class PrimitiveLists {
  private PrimitiveLists() {}

  // little-endian views of byte arrays, also HostCall's
  static final VarHandle SHORTS =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Whether lists of {@code t} are copied in bulk here: primitives stored inline. */
  static boolean isBulk(Type t) {
    return t instanceof Primitive p && p != Primitive.STRING;
  }

  /** The {@code length} elements at {@code ptr}, checked in range by the caller. */
  static List<Val> load(Memory m, long ptr, long length, Primitive p, int elemSize) {
    int n = (int) length;
    byte[] b = new byte[n * elemSize];
    m.read((int) ptr, b, 0, b.length);
    List<Val> elements = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int at = i * elemSize;
      elements.add(
          switch (p) {
            case BOOL -> new Val.Bool(b[at] != 0);
            case S8 -> new Val.S8(b[at]);
            case U8 -> new Val.U8(Byte.toUnsignedInt(b[at]));
            case S16 -> new Val.S16((short) SHORTS.get(b, at));
            case U16 -> new Val.U16(Short.toUnsignedInt((short) SHORTS.get(b, at)));
            case S32 -> new Val.S32((int) INTS.get(b, at));
            case U32 -> new Val.U32(Integer.toUnsignedLong((int) INTS.get(b, at)));
            case S64 -> new Val.S64((long) LONGS.get(b, at));
            case U64 -> new Val.U64((long) LONGS.get(b, at));
            case F32 -> new Val.F32(Values.decodeF32((int) INTS.get(b, at)));
            case F64 -> new Val.F64(Values.decodeF64((long) LONGS.get(b, at)));
            case CHAR -> Values.convertI32ToChar((int) INTS.get(b, at));
            case STRING -> throw new IllegalArgumentException("strings are not stored inline");
          });
    }
    return elements;
  }

  /** Stores {@code elements} at {@code ptr}, checked in range by the caller. */
  static void store(Memory m, long ptr, List<Val> elements, Primitive p, int elemSize) {
    byte[] b = new byte[elements.size() * elemSize];
    for (int i = 0; i < elements.size(); i++) {
      Val v = elements.get(i);
      int at = i * elemSize;
      switch (p) {
        case BOOL -> b[at] = (byte) (Values.expect(v, Val.Bool.class, p).value() ? 1 : 0);
        case S8 -> b[at] = Values.expect(v, Val.S8.class, p).value();
        case U8 -> b[at] = (byte) Values.expect(v, Val.U8.class, p).value();
        case S16 -> SHORTS.set(b, at, Values.expect(v, Val.S16.class, p).value());
        case U16 -> SHORTS.set(b, at, (short) Values.expect(v, Val.U16.class, p).value());
        case S32 -> INTS.set(b, at, Values.expect(v, Val.S32.class, p).value());
        case U32 -> INTS.set(b, at, (int) Values.expect(v, Val.U32.class, p).value());
        case S64 -> LONGS.set(b, at, Values.expect(v, Val.S64.class, p).value());
        case U64 -> LONGS.set(b, at, Values.expect(v, Val.U64.class, p).value());
        case F32 -> INTS.set(b, at, Values.encodeF32(Values.expect(v, Val.F32.class, p).value()));
        case F64 -> LONGS.set(b, at, Values.encodeF64(Values.expect(v, Val.F64.class, p).value()));
        case CHAR -> INTS.set(b, at, Values.expect(v, Val.Char.class, p).codePoint());
        case STRING -> throw new IllegalArgumentException("strings are not stored inline");
      }
    }
    m.write((int) ptr, b, 0, b.length);
  }
}
