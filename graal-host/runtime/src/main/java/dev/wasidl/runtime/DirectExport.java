package dev.wasidl.runtime;

import dev.wasidl.abi.CanonicalAbi;
import dev.wasidl.abi.LiftLowerContext;
import dev.wasidl.abi.Memory;
import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalFunction;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TypedFunc}'s call of a lifted export without {@link Val}s: planned once from the Java
 * classes and the WIT type, each call turns the Java arguments straight into the core arguments
 * (strings and {@code byte[]} copied into guest memory in one bulk write through realloc), calls
 * the core function and lifts its result straight into the Java result. It keeps every rule of
 * {@link Lifted#call}: the instance is entered (no reentrance, one thread at a time), a trap
 * poisons it, bad results trap, and {@code post-return} runs after lifting with {@code may_leave}
 * cleared. A call whose types hold no borrow handle and no non-byte list needs no borrow scope, and
 * it makes no context object: the function's own context serves every call.
 *
 * <p>A function that takes or returns strings or byte lists is called, from its {@link
 * #ENTRY_AFTER}th call on, through an {@link EntryCall}: one polyglot call in which wasm allocates
 * and copies the bytes, calls the function, and pushes the result back before post-return, instead
 * of one polyglot call per realloc, write, load and post-return.
 */
final class DirectExport {
  private final String name;
  private final GraalFunction core;
  private final InstanceState instance;
  private final LiftLowerContext cx;
  private final @Nullable GraalFunction postReturn;
  private final Carrier[] params;
  private final @Nullable Carrier result;
  private final int flatCount;
  private final boolean memoryArgs;
  private final Supplier<String> spilled;
  private final Lifted lifted;
  // calls before the entry shim is made (an instance of a module costs some 0.2 ms), then the
  // shim, or NONE when the function has no use for one or it cannot be made
  private int calls;
  private @Nullable Object entry;
  private static final Object NONE = new Object();
  static final int ENTRY_AFTER = 4;
  static int entryAfter = ENTRY_AFTER; // tests make it 1, to run every call through the shim

  private DirectExport(String name, Lifted f, Carrier[] params, @Nullable Carrier result) {
    this.name = name;
    this.core = f.core();
    this.instance = f.instance();
    this.cx = f.context();
    this.postReturn = f.opts().postReturn();
    this.params = params;
    this.result = result;
    int n = 0;
    boolean memory = false;
    for (Carrier c : params) {
      n += c.flatCount();
      memory |= c.flatCount() > 1;
    }
    this.flatCount = n;
    this.memoryArgs = memory;
    // as CanonicalAbi.liftFlatValues names a bad return pointer (only a result can be spilled: a
    // function without one has no tuple to name, and TupleType refuses an empty one)
    Optional<Type> resultType = f.type().result();
    this.spilled = () -> "spilled " + resultType.map(t -> new TupleType(List.of(t))).orElseThrow();
    this.lifted = f;
  }

  /** The entry shim once this function has been called {@link #entryAfter} times, else null. */
  private @Nullable EntryCall entry() {
    Object e = entry;
    if (e == null) {
      if (++calls < entryAfter) {
        return null;
      }
      try {
        EntryCall made = EntryCall.of(lifted, spilled, params, result);
        e = made != null ? made : NONE;
      } catch (RuntimeException cannot) { // e.g. an engine that refuses the module: the direct path
        e = NONE;
      }
      entry = e;
    }
    return e instanceof EntryCall c ? c : null;
  }

  /**
   * The direct call of {@code func} with these classes (already checked against its type), or null
   * when a parameter or the result needs the Val path: a {@link Val} class, a type other than a
   * primitive or {@code list<u8>}, more than {@link CanonicalAbi#MAX_FLAT_PARAMS} core parameters,
   * or a function that is not lifted from core wasm.
   */
  static @Nullable DirectExport of(Func func, Class<?> resultClass, Class<?>[] paramClasses) {
    if (!(func.component() instanceof Lifted lifted)) {
      return null;
    }
    FuncType type = func.type();
    Carrier[] params = new Carrier[paramClasses.length];
    int flat = 0;
    for (int i = 0; i < params.length; i++) {
      params[i] = Carrier.of(type.params().get(i).type(), paramClasses[i]);
      if (params[i] == null) {
        return null;
      }
      flat += params[i].flatCount();
    }
    if (flat > CanonicalAbi.MAX_FLAT_PARAMS) {
      return null;
    }
    Carrier result = null;
    if (type.result().isPresent()) {
      result = Carrier.of(type.result().get(), resultClass);
      if (result == null) {
        return null;
      }
    }
    return new DirectExport(func.name(), lifted, params, result);
  }

  /** Calls it with {@code args}, as many as its parameters (checked by the caller). */
  @Nullable Object call(Object[] args) {
    Object[] flat = new Object[flatCount];
    lowerPrimitives(args, flat);
    instance.enter(name);
    long armed = instance.arm(name);
    try {
      Value out;
      EntryCall shim = entry(); // made inside the instance, as it instantiates a module there
      if (shim != null && shim.prepare(args, flat)) {
        out = shim.call(flat);
        if (shim.lifted()) {
          return shim.take(); // and post-return ran
        }
      } else {
        if (memoryArgs) {
          lowerIntoMemory(args, flat);
        }
        out = core.call(flat);
      }
      if (result == null) {
        postReturn();
        return null;
      }
      return switch (result) {
        case STRING, BYTES -> liftFromMemory(out.asInt());
        case F32 -> {
          float raw = out.asFloat();
          Object v = CanonicalAbi.decodeF32(Float.floatToRawIntBits(raw));
          postReturn(raw);
          yield v;
        }
        case F64 -> {
          double raw = out.asDouble();
          Object v = CanonicalAbi.decodeF64(Double.doubleToRawLongBits(raw));
          postReturn(raw);
          yield v;
        }
        case S64, U64 -> {
          long raw = out.asLong();
          postReturn(raw);
          yield raw;
        }
        default -> {
          int raw = out.asInt();
          Object v = liftI32(result, raw);
          postReturn(raw);
          yield v;
        }
      };
    } catch (Trap | OutOfMemoryError t) {
      instance.poison(t); // an OutOfMemoryError is never a trap: the caller gets it as it is
      throw t;
    } finally {
      instance.exit(armed);
    }
  }

  /**
   * The core values of the numbers, checked as the Val path's constructors check them (before the
   * instance is entered, with the same exceptions); strings and lists are only checked for null.
   */
  private void lowerPrimitives(Object[] args, Object[] flat) {
    int j = 0;
    for (int i = 0; i < params.length; i++) {
      Object v = args[i];
      flat[j] =
          switch (params[i]) {
            case BOOL -> ((Boolean) v) ? 1 : 0;
            case S8 -> (int) (Byte) v;
            case S16 -> (int) (Short) v;
            case S32 -> (Integer) v;
            case U8 -> (int) inRange((Integer) v, 0xff, "u8");
            case U16 -> (int) inRange((Integer) v, 0xffff, "u16");
            case CHAR -> scalar((Integer) v);
            case S64, U64 -> (Long) v;
            case U32 -> (int) inRange((Long) v, 0xffff_ffffL, "u32");
            case F32 -> Float.intBitsToFloat(CanonicalAbi.encodeF32((Float) v));
            case F64 -> Double.longBitsToDouble(CanonicalAbi.encodeF64((Double) v));
            case STRING, BYTES -> Objects.requireNonNull(v, "value");
          };
      j += params[i].flatCount();
    }
  }

  /** {@code v} if it is in 0..max; else the exception the Val record's constructor throws. */
  private static long inRange(long v, long max, String type) {
    if (v < 0 || v > max) {
      throw new IllegalArgumentException(v + " is out of range for " + type);
    }
    return v;
  }

  /** {@code c} if it is a Unicode scalar value; else what {@code Val.Char} throws. */
  private static int scalar(int c) {
    if (c < 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
      throw new IllegalArgumentException("not a Unicode scalar value: 0x" + Integer.toHexString(c));
    }
    return c;
  }

  /** Strings and byte lists, allocated with the guest's realloc and written in bulk. */
  private void lowerIntoMemory(Object[] args, Object[] flat) {
    int j = 0;
    for (int i = 0; i < params.length; i++) {
      Carrier c = params[i];
      if (c == Carrier.STRING || c == Carrier.BYTES) {
        CanonicalAbi.Range r =
            c == Carrier.STRING
                ? CanonicalAbi.storeStringIntoRange(cx, (String) args[i])
                : CanonicalAbi.storeBytesIntoRange(cx, (byte[]) args[i]);
        flat[j] = (int) r.ptr();
        flat[j + 1] = (int) r.length();
      }
      j += c.flatCount();
    }
  }

  private static Object liftI32(Carrier c, int v) {
    return switch (c) {
      case BOOL -> v != 0;
      case S8 -> (byte) v;
      case S16 -> (short) v;
      case U8 -> v & 0xff;
      case U16 -> v & 0xffff;
      case CHAR -> CanonicalAbi.convertI32ToChar(v);
      case U32 -> Integer.toUnsignedLong(v);
      default -> v;
    };
  }

  /** A string or list result: the core function returned a pointer to its pointer and length. */
  private Object liftFromMemory(int retptr) {
    long at = Integer.toUnsignedLong(retptr);
    CanonicalAbi.checkRange(cx, spilled, at, 8, 4);
    Memory m = cx.memory();
    long ptr = Integer.toUnsignedLong(m.loadI32((int) at));
    long length = Integer.toUnsignedLong(m.loadI32((int) at + 4));
    Object v =
        result == Carrier.STRING
            ? CanonicalAbi.loadStringFromRange(cx, ptr, length)
            : CanonicalAbi.loadBytesFromRange(cx, ptr, length);
    postReturn(retptr);
    return v;
  }

  /** Runs {@code post-return}, if the canon options name one, with the core result. */
  private void postReturn(Object flatResult) {
    GraalFunction post = postReturn;
    if (post != null) {
      instance.withoutLeaving("post-return", () -> post.call(flatResult));
    }
  }

  private void postReturn() {
    GraalFunction post = postReturn;
    if (post != null) {
      instance.withoutLeaving("post-return", () -> post.call());
    }
  }
}
