package dev.wasidl.abi;

import dev.wasidl.component.StringEncoding;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The canonical ABI of the component model (preview 2, synchronous, 32-bit memories), with the
 * spec's names so that it reads beside {@code CanonicalABI.md}: {@code despecialize}, {@code
 * alignment}, {@code elem_size}, {@code flatten_functype}, {@code load}/{@code store}, {@code
 * lift_flat}/{@code lower_flat}, {@code lift_flat_values}/{@code lower_flat_values}.
 *
 * <p>Flat (core) values are {@code long}s as described at {@link CoreValueIter}. Floats are lowered
 * with the spec's deterministic profile: every NaN is stored as the canonical NaN, and lifted NaNs
 * are canonicalized. Every violation by the guest traps with a {@link Trap} naming it; so does a
 * host value that does not match its type.
 */
public final class CanonicalAbi {
  private CanonicalAbi() {}

  public static final int MAX_FLAT_PARAMS = 16;
  public static final int MAX_FLAT_RESULTS = 1;
  public static final long REALLOC_I32_MAX = (1L << 32) - 1;
  public static final long MAX_STRING_BYTE_LENGTH = (1L << 28) - 1;
  public static final long MAX_LIST_BYTE_LENGTH = (1L << 28) - 1;
  public static final int CANONICAL_FLOAT32_NAN = 0x7fc00000;
  public static final long CANONICAL_FLOAT64_NAN = 0x7ff8000000000000L;

  /** A pointer and a length (code units, tagged for latin1+utf16; or list elements). */
  public record Range(long ptr, long length) {}

  // Despecialization, alignment, element size

  /** {@code tuple}, {@code enum}, {@code option}, {@code result} as records and variants. */
  public static Type despecialize(Type t) {
    return Layout.despecialize(t);
  }

  public static int alignment(Type t) {
    return Layout.alignment(t);
  }

  public static int elemSize(Type t) {
    return Math.toIntExact(Layout.elemSize(t));
  }

  /** The discriminant of a variant with {@code caseCount} cases: u8, u16 or u32. */
  public static Primitive discriminantType(int caseCount) {
    return Layout.discriminantType(caseCount);
  }

  // Flattening

  public static List<FlatType> flattenType(Type t) {
    return List.copyOf(Flattening.flattenType(t));
  }

  public static List<FlatType> flattenTypes(List<Type> ts) {
    return List.copyOf(Flattening.flattenTypes(ts));
  }

  public static FlatFuncType flattenFuncType(FuncType ft, FlatFuncType.Context context) {
    return Flattening.flattenFuncType(ft, context);
  }

  /** The spec's {@code join} of two flat types of variant cases. */
  public static FlatType join(FlatType a, FlatType b) {
    return FlatType.join(a, b);
  }

  // Loading and storing

  /** {@code load}: traps if {@code ptr} is misaligned or the value is out of bounds. */
  public static Val load(LiftLowerContext cx, int ptr, Type t) {
    long p = Integer.toUnsignedLong(ptr);
    TypeFacts.Of f = cx.facts().get(t);
    Strings.checkRange(cx, t::toString, p, f.elemSize(), f.alignment());
    return Loading.load(cx, p, t);
  }

  /** {@code store}: traps if {@code ptr} is misaligned or the value is out of bounds. */
  public static void store(LiftLowerContext cx, Val v, Type t, int ptr) {
    long p = Integer.toUnsignedLong(ptr);
    TypeFacts.Of f = cx.facts().get(t);
    Strings.checkRange(cx, t::toString, p, f.elemSize(), f.alignment());
    Storing.store(cx, v, t, p);
  }

  /** {@code load_string_from_range}. */
  public static String loadStringFromRange(LiftLowerContext cx, int ptr, int taggedCodeUnits) {
    return Strings.loadStringFromRange(
        cx, Integer.toUnsignedLong(ptr), Integer.toUnsignedLong(taggedCodeUnits));
  }

  /**
   * {@code store_string_into_range} for a host string, whose source encoding is Java's own: latin1
   * when every char is below U+0100, else UTF-16 (as in the JDK's compact strings); or UTF-8 into a
   * UTF-8 guest if {@code cx} was made {@link LiftLowerContext#withUtf8HostStrings}.
   */
  public static Range storeStringIntoRange(LiftLowerContext cx, String v) {
    return Strings.storeStringIntoRange(cx, v);
  }

  /**
   * {@code store_string_into_range} for a string that was lifted with {@code srcEncoding} and
   * {@code srcTaggedCodeUnits} (the spec's {@code String} triple): the transcoding, and the realloc
   * calls, follow the source encoding.
   */
  public static Range storeStringIntoRange(
      LiftLowerContext cx, String src, StringEncoding srcEncoding, long srcTaggedCodeUnits) {
    return Strings.storeStringIntoRange(cx, src, srcEncoding, srcTaggedCodeUnits);
  }

  /** {@code load_list_from_range} of a {@code list<u8>}, as Java bytes (exactly as a Val). */
  public static byte[] loadBytesFromRange(LiftLowerContext cx, long ptr, long length) {
    return Loading.loadBytesFromRange(cx, ptr, length);
  }

  /**
   * The bytes {@link #storeStringIntoRange(LiftLowerContext, String)} copies into the guest after
   * one realloc of their length (alignment 1), their count the length it returns; or null when it
   * takes another path (transcoding, or a trap).
   */
  public static byte @Nullable [] oneCopyUtf8(LiftLowerContext cx, String s) {
    return Strings.oneCopyUtf8(cx, s);
  }

  /** {@code store_list_into_range} of a {@code list<u8>} given as Java bytes (one bulk write). */
  public static Range storeBytesIntoRange(LiftLowerContext cx, byte[] bytes) {
    return Storing.storeBytesIntoRange(cx, bytes);
  }

  /** {@code load_string_from_range} with unsigned 32-bit {@code ptr} and tagged length. */
  public static String loadStringFromRange(LiftLowerContext cx, long ptr, long taggedCodeUnits) {
    return Strings.loadStringFromRange(cx, ptr, taggedCodeUnits);
  }

  /**
   * Traps, naming {@code what} ({@code "string"}, {@code "list"}), if {@code ptr} is not aligned to
   * {@code alignment} or the {@code byteLength} bytes there are out of bounds of the memory.
   */
  public static void checkRange(
      LiftLowerContext cx, String what, long ptr, long byteLength, int alignment) {
    Strings.checkRange(cx, what, ptr, byteLength, alignment);
  }

  /**
   * Traps, naming {@code what} (built only then), if {@code ptr} is not aligned to {@code
   * alignment} or the {@code byteLength} bytes there are out of bounds of the memory.
   */
  public static void checkRange(
      LiftLowerContext cx, Supplier<String> what, long ptr, long byteLength, int alignment) {
    Strings.checkRange(cx, what, ptr, byteLength, alignment);
  }

  /** The spec's {@code convert_i32_to_char}: the code point, or a trap. */
  public static int convertI32ToChar(int i) {
    return Values.convertI32ToChar(i).codePoint();
  }

  /** A lifted f32: NaNs canonicalized (the deterministic profile). */
  public static float decodeF32(int bits) {
    return Values.decodeF32(bits);
  }

  /** A lifted f64: NaNs canonicalized (the deterministic profile). */
  public static double decodeF64(long bits) {
    return Values.decodeF64(bits);
  }

  /** A lowered f32's bits: NaNs stored as the canonical NaN. */
  public static int encodeF32(float f) {
    return Values.encodeF32(f);
  }

  /** A lowered f64's bits: NaNs stored as the canonical NaN. */
  public static long encodeF64(double f) {
    return Values.encodeF64(f);
  }

  // Flat lifting and lowering

  /** {@code lift_flat}: reads the values of {@code t} from {@code vi}. */
  public static Val liftFlat(LiftLowerContext cx, CoreValueIter vi, Type t) {
    return FlatLifting.liftFlat(cx, vi, t);
  }

  /** {@code lower_flat}: the flat values of {@code v}. */
  public static long[] lowerFlat(LiftLowerContext cx, Val v, Type t) {
    FlatBuilder out = new FlatBuilder();
    FlatLowering.lowerFlat(cx, v, t, out);
    return out.toArray();
  }

  /**
   * {@code lift_flat_values}: the values of {@code ts}, read from {@code vi} or, when they flatten
   * to more than {@code maxFlat} values, from the tuple in memory that {@code vi}'s one {@code i32}
   * points to.
   */
  public static List<Val> liftFlatValues(
      LiftLowerContext cx, int maxFlat, CoreValueIter vi, List<Type> ts) {
    TypeFacts.Of tuple = cx.facts().tuple(ts);
    if (tuple.flat().size() > maxFlat) {
      long ptr = Integer.toUnsignedLong((int) vi.next(FlatType.I32));
      Strings.checkRange(
          cx, () -> "spilled " + new TupleType(ts), ptr, tuple.elemSize(), tuple.alignment());
      return Loading.loadRecord(cx, ptr, ts);
    }
    List<Val> values = new ArrayList<>(ts.size());
    for (Type t : ts) {
      values.add(FlatLifting.liftFlat(cx, vi, t));
    }
    return values;
  }

  /**
   * {@code lower_flat_values} without out-param: the flat values of {@code vs}, or, beyond {@code
   * maxFlat} of them, one pointer to a tuple of them stored in memory allocated with realloc.
   */
  public static long[] lowerFlatValues(
      LiftLowerContext cx, int maxFlat, List<Val> vs, List<Type> ts) {
    return lowerFlatValues(cx, maxFlat, vs, ts, null);
  }

  /**
   * {@code lower_flat_values}: as {@link #lowerFlatValues(LiftLowerContext, int, List, List)}, but
   * when spilling and {@code outParam} is not null, the tuple is stored where {@code outParam}'s
   * next {@code i32} points (the last param of a lowered import) and no flat values are returned.
   */
  public static long[] lowerFlatValues(
      LiftLowerContext cx, int maxFlat, List<Val> vs, List<Type> ts, CoreValueIter outParam) {
    if (vs.size() != ts.size()) {
      throw new Trap("expected " + ts.size() + " values, got " + vs.size());
    }
    TypeFacts.Of tuple = cx.facts().tuple(ts);
    boolean spill = tuple.flat().size() > maxFlat;
    FlatBuilder out = new FlatBuilder(spill ? (outParam == null ? 1 : 0) : tuple.flat().size());
    if (spill) {
      int alignment = tuple.alignment();
      long size = tuple.elemSize();
      long ptr;
      if (outParam == null) {
        ptr = cx.allocate(alignment, size);
        out.add(ptr);
      } else {
        ptr = Integer.toUnsignedLong((int) outParam.next(FlatType.I32));
      }
      Strings.checkRange(cx, () -> "spilled " + new TupleType(ts), ptr, size, alignment);
      Storing.storeRecord(cx, vs, ptr, ts);
    } else {
      for (int i = 0; i < vs.size(); i++) {
        FlatLowering.lowerFlat(cx, vs.get(i), ts.get(i), out);
      }
    }
    return out.toArray();
  }
}
