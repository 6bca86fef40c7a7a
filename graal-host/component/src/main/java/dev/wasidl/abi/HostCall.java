package dev.wasidl.abi;

import dev.wasidl.types.FuncType;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * What a compiled {@code canon lower} of a host function touches: one calling instance's canonical
 * options, handle table and the call's borrow scope. Generated bindings (bindings-gen's compiled
 * host functions) read the flat core arguments straight into Java values through it and write the
 * Java result straight back, with the same checks and traps as the {@code Val} path ({@link
 * CanonicalAbi}), which is the reference they are tested against.
 *
 * <p>One per lowered function and instance, made at instantiation. A call is {@link #enter()},
 * lifts, the host call, lowers, {@link #exit()}; the borrow scope and its context are reused, so
 * the common call allocates nothing here. A call re-entering the same function (a host function
 * calling back into its caller's component, which reaches this import again) gets a scope of its
 * own.
 */
public final class HostCall {
  private static final int MAX_WINDOW = 1 << 16;
  private final LiftLowerContext base;
  private final Runnable mayLeave;
  private final @Nullable Object data;
  private final FuncType type;
  private final BorrowScope reused = BorrowScope.open();
  private final LiftLowerContext reusedContext;
  private BorrowScope scope = reused;
  private LiftLowerContext cx;
  private boolean active;
  private @Nullable ArrayDeque<Object[]> outer; // the scopes of calls this one re-entered
  // A copy of the list being lifted, read in one crossing: lifting runs no guest code, so it
  // stays equal to memory until the host is called; loads inside it read the copy.
  private byte[] window = new byte[256];
  private int windowBase;
  private int windowLength;

  /**
   * A compiled lowering's view of a calling instance.
   *
   * @param base the canonical options' context (memory, realloc, encoding, handle table, limits)
   * @param mayLeave runs before each call: traps if the instance may not leave now
   * @param data the instance's data, for the host implementation to find its state
   * @param type the function's WIT type, named in traps about spilled parameters and results
   */
  public HostCall(LiftLowerContext base, Runnable mayLeave, @Nullable Object data, FuncType type) {
    this.base = base;
    this.mayLeave = mayLeave;
    this.data = data;
    this.type = type;
    this.reused.close();
    this.reusedContext = base.withBorrowScope(reused);
    this.cx = reusedContext;
  }

  /** The calling instance's data. */
  public @Nullable Object data() {
    return data;
  }

  /** Begins a call: traps if the instance may not leave (e.g. inside its own realloc). */
  public void enter() {
    mayLeave.run();
    windowLength = 0;
    if (active) {
      if (outer == null) {
        outer = new ArrayDeque<>();
      }
      outer.push(new Object[] {scope, cx});
      scope = BorrowScope.open();
      cx = base.withBorrowScope(scope);
    } else {
      active = true;
      reused.reopen();
      scope = reused;
      cx = reusedContext;
    }
  }

  /** Ends a call begun by {@link #enter()}: gives back the handles it borrowed. */
  public void exit() {
    windowLength = 0;
    BorrowScope ending = scope;
    if (outer != null && !outer.isEmpty()) {
      Object[] o = outer.pop();
      scope = (BorrowScope) o[0];
      cx = (LiftLowerContext) o[1];
    } else {
      active = false;
    }
    ending.close();
  }

  // ---- handles

  /** {@code lift_own}: removes the guest's owning handle {@code i}, returning its rep. */
  public int liftOwn(ResourceType type, int i) {
    return base.handles().liftOwn(type, i);
  }

  /** {@code lift_borrow}: lends the guest's handle {@code i} for this call, returning its rep. */
  public int liftBorrow(ResourceType type, int i) {
    return base.handles().liftBorrow(type, i, scope);
  }

  /** {@code lower_own}: a new owning handle to {@code rep} in the guest's table. */
  public int lowerOwn(ResourceType type, int rep) {
    return base.handles().addOwn(type, rep);
  }

  // ---- scalars

  /** {@code convert_i32_to_char}: traps on a surrogate or beyond U+10FFFF. */
  public static int liftChar(int i) {
    if (isScalarValue(i)) {
      return i;
    }
    return Values.convertI32ToChar(i).codePoint();
  }

  /** A host {@code char} result; traps if it is not a Unicode scalar value. */
  public static int lowerChar(int codePoint) {
    if (isScalarValue(codePoint)) {
      return codePoint;
    }
    try {
      return new Val.Char(codePoint).codePoint();
    } catch (IllegalArgumentException e) {
      throw new Trap("host returned an invalid char: " + e.getMessage(), e);
    }
  }

  /** Below U+D800, or past the surrogates and up to U+10FFFF: the fast path of both checks. */
  private static boolean isScalarValue(int i) {
    return Integer.compareUnsigned(i, 0xd800) < 0 || (i > 0xdfff && i < 0x110000);
  }

  /** {@code f32} lifted: NaNs canonical. */
  public static float liftF32(int bits) {
    return Values.decodeF32(bits);
  }

  /** {@code f64} lifted: NaNs canonical. */
  public static double liftF64(long bits) {
    return Values.decodeF64(bits);
  }

  /** {@code f32} lowered: NaNs canonical. */
  public static int lowerF32(float f) {
    return Values.encodeF32(f);
  }

  /** {@code f64} lowered: NaNs canonical. */
  public static long lowerF64(double f) {
    return Values.encodeF64(f);
  }

  /** A variant's case index; traps naming {@code t} if there is no such case. */
  public static int caseIndex(int d, int caseCount, Type t) {
    if (Integer.compareUnsigned(d, caseCount) >= 0) {
      Loading.checkDiscriminant(Integer.toUnsignedLong(d), caseCount, t);
    }
    return d;
  }

  // ---- memory

  private Memory memory() {
    return base.memory();
  }

  /** The offset of {@code [a, a + width)} in the window, or -1 if it is not all there. */
  private int inWindow(int a, int width) {
    long at = Integer.toUnsignedLong(a) - Integer.toUnsignedLong(windowBase);
    return at >= 0 && at + width <= windowLength ? (int) at : -1;
  }

  public int loadU8(int a) {
    int w = inWindow(a, 1);
    return w >= 0 ? Byte.toUnsignedInt(window[w]) : Byte.toUnsignedInt(memory().loadI8(a));
  }

  public int loadU16(int a) {
    int w = inWindow(a, 2);
    return Short.toUnsignedInt(
        w >= 0 ? (short) PrimitiveLists.SHORTS.get(window, w) : memory().loadI16(a));
  }

  public int loadI32(int a) {
    int w = inWindow(a, 4);
    return w >= 0 ? (int) PrimitiveLists.INTS.get(window, w) : memory().loadI32(a);
  }

  public long loadI64(int a) {
    int w = inWindow(a, 8);
    return w >= 0 ? (long) PrimitiveLists.LONGS.get(window, w) : memory().loadI64(a);
  }

  public void storeI8(int a, int v) {
    windowLength = 0;
    memory().storeI8(a, (byte) v);
  }

  public void storeI16(int a, int v) {
    windowLength = 0;
    memory().storeI16(a, (short) v);
  }

  public void storeI32(int a, int v) {
    windowLength = 0;
    memory().storeI32(a, v);
  }

  public void storeI64(int a, long v) {
    windowLength = 0;
    memory().storeI64(a, v);
  }

  /** The spilled parameters' tuple at {@code ptr}: checks its alignment and bounds. */
  public int spilledParams(int ptr, int size, int alignment) {
    long p = Integer.toUnsignedLong(ptr);
    Strings.checkRange(cx, () -> "spilled " + new TupleType(type.paramTypes()), p, size, alignment);
    return ptr;
  }

  /** The out-pointer the result is stored at: checks its alignment and bounds. */
  public int resultPointer(int ptr, int size, int alignment) {
    long p = Integer.toUnsignedLong(ptr);
    Strings.checkRange(
        cx, () -> "spilled " + new TupleType(type.result().stream().toList()), p, size, alignment);
    return ptr;
  }

  // ---- strings and lists

  /** A string argument at {@code ptr} of {@code taggedCodeUnits} in the guest's encoding. */
  public String liftString(int ptr, int taggedCodeUnits) {
    return Strings.loadStringFromRange(
        cx, Integer.toUnsignedLong(ptr), Integer.toUnsignedLong(taggedCodeUnits));
  }

  /** A string stored as (pointer, length) at {@code a}. */
  public String loadString(int a) {
    return Strings.loadString(cx, Integer.toUnsignedLong(a));
  }

  /** Lowers {@code s} into guest memory (realloc) and stores its (pointer, length) at {@code a}. */
  public void storeString(int a, String s) {
    java.util.Objects.requireNonNull(s, "a WIT string cannot be null"); // as bindings.Convert
    Strings.storeString(cx, s, Integer.toUnsignedLong(a));
  }

  /**
   * The elements of a list argument at {@code ptr}: checks the byte length, alignment and bounds,
   * and counts the elements against the host's per-call limit, as {@code load_list_from_range}.
   */
  public int listElements(int ptr, int length, int elemSize, int alignment) {
    long n = Integer.toUnsignedLong(length);
    Loading.checkListRange(cx, Integer.toUnsignedLong(ptr), n, elemSize, alignment);
    cx.countListElements(n);
    long bytes = n * elemSize;
    if (bytes > 0 && bytes <= MAX_WINDOW) {
      if (window.length < bytes) {
        window = new byte[(int) Math.max(bytes, 2L * window.length)];
      }
      memory().read(ptr, window, 0, (int) bytes);
      windowBase = ptr;
      windowLength = (int) bytes;
    }
    return ptr;
  }

  /** A {@code list<u8>} argument at {@code ptr}, copied in bulk. */
  public byte[] liftBytes(int ptr, int length) {
    return Loading.loadBytesFromRange(
        cx, Integer.toUnsignedLong(ptr), Integer.toUnsignedLong(length));
  }

  /** Allocates a lowered list of {@code length} elements (realloc), returning its address. */
  public int allocList(int length, int elemSize, int alignment) {
    return (int) Storing.allocateList(cx, length, elemSize, alignment);
  }

  /** Lowers {@code bytes} as a {@code list<u8>} and stores its (pointer, length) at {@code a}. */
  public void storeBytes(int a, byte[] bytes) {
    windowLength = 0;
    Storing.storeBytes(cx, bytes, Integer.toUnsignedLong(a));
  }
}
