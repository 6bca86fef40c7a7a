package dev.wasidl.dl;

import dev.wasidl.abi.ForeignHandles;
import dev.wasidl.abi.HostCall;
import dev.wasidl.abi.ResourceTableError;
import dev.wasidl.abi.ResourceTableException;
import dev.wasidl.abi.Trap;
import dev.wasidl.bindings.Resource;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import dev.wasidl.dl.bindings.wasi.dl.DllBindings;
import dev.wasidl.dl.bindings.wasi.dl.FfiBindings;
import dev.wasidl.ffm.Alloc;
import dev.wasidl.ffm.CanonicalBits;
import dev.wasidl.ffm.FfiException;
import dev.wasidl.ffm.IncomingPrimitive;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.graal.GraalFunction;
import dev.wasidl.graal.GraalInstance;
import dev.wasidl.graal.GraalMemory;
import dev.wasidl.graal.HostFunction;
import dev.wasidl.graal.HostFunctionClass;
import dev.wasidl.runtime.HostAdapter;
import dev.wasidl.types.ResourceType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Java side of one component instance's {@link DlAdapter}: the host functions its modules
 * import ({@code "h"}), and the keeper of their handles, which moves values between the modules'
 * slots and the {@link DlCtx} when a handle passes through the instance's handle table (an {@code
 * outgoing-primitive} given to {@code alloc.write-primitive}, an {@code incoming-primitive} a
 * struct call returns). Errors are found in wasm and described here, by running the same bridge-ffm
 * check again, so the messages are the host's own.
 */
final class DlAdapterHost implements HostAdapter.Binding, ForeignHandles {
  private static final PrimitiveType[] TYPES = PrimitiveType.values();
  // function.call's outcomes besides a result type's ordinal (see dl-memory.wat)
  static final int VOID = 21;
  static final int FAILED = 22;
  static final int ELSEWHERE = 23;
  private static final int OUTGOING_UNSET = 1;
  private static final int OUTGOING_BITS = 2;
  private static final int OUTGOING_ADDR = 3;
  private static final int INCOMING = 4;
  private static final int HELD = 0x100; // the held bit, above the state
  private static final String[] OPS = {
    "set-s8", "set-s16", "set-s32", "set-s64", "set-u8", "set-u16", "set-u32", "set-u64", "set-f32",
    "set-f64", "get-s8", "get-s16", "get-s32", "get-s64", "get-u8", "get-u16", "get-u32", "get-u64",
    "get-f32", "get-f64", "get-alloc", "", "call"
  };

  private final HostAdapter.Site site;
  private final @Nullable DlCtx dl;
  private final @Nullable Trap refused; // why the instance has no DlCtx (its data is no DlView)
  // what the host keeps for a slot whose info has the held bit: set-addr's alloc (borrowed, so its
  // address is taken when a call uses it), or an incoming pointer (which keeps its library loaded)
  private @Nullable Object[] held = new Object[16];
  // function.call's outcome as the memory cell STATUS holds it: written only when it changes, so a
  // loop of calls of one signature writes it once (a polyglot write costs more than the call)
  private int status = -1;
  private @Nullable GraalInstance state;
  private @Nullable GraalMemory slots; // dl-state.wat's memory: its counters, at these addresses
  private static final int LIVE = 1000;
  private static final int HOST = 1004;
  private static final int MAX = 1008;
  private static final int STATUS = 992;
  private static final int ASK = 1020; // nonzero: the modules call enter() before going on
  // the adapter modules' "h" imports, spun once: each instance's host binds its own
  private static final Map<String, HostFunctionClass> IMPORTS = importClasses();
  private boolean mayLeave = true;

  /** The adapter host of the instance at {@code site}, whose context {@code ctx} finds. */
  static DlAdapterHost of(
      HostAdapter.Site site, java.util.function.Function<@Nullable Object, DlCtx> ctx) {
    try {
      return new DlAdapterHost(site, ctx.apply(site.data()), null);
    } catch (Trap e) {
      return new DlAdapterHost(site, null, e); // as the host's own functions, trap when called
    }
  }

  private DlAdapterHost(HostAdapter.Site site, @Nullable DlCtx dl, @Nullable Trap refused) {
    this.site = site;
    this.dl = dl;
    this.refused = refused;
  }

  private DlCtx ctx() {
    DlCtx c = dl;
    if (c == null) {
      throw new Trap(java.util.Objects.requireNonNull(refused).getMessage(), refused);
    }
    return c;
  }

  // --- HostAdapter.Binding

  @Override
  public Map<String, HostFunction> imports() {
    Map<String, HostFunction> m = new LinkedHashMap<>();
    IMPORTS.forEach((name, cls) -> m.put(name, cls.bind(this)));
    return m;
  }

  @Override
  public ForeignHandles attach(GraalInstance state) {
    this.state = state;
    GraalMemory slots = state.memory("slots").orElseThrow();
    this.slots = slots;
    byte[] table = new byte[TYPES.length * 32];
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(table).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (PrimitiveType t : TYPES) {
      int at = code(t) * 32;
      long size = t.byteSize();
      b.putInt(
          at,
          switch (t.kind()) {
            case SIGNED -> 0;
            case UNSIGNED -> 1;
            case FLOAT -> 2;
            case POINTER -> 3;
          });
      b.putLong(at + 8, size == 8 ? Long.MIN_VALUE : -(1L << (size * 8 - 1)));
      b.putLong(at + 16, size == 8 ? Long.MAX_VALUE : (1L << (size * 8 - 1)) - 1);
      b.putLong(at + 24, size == 8 ? -1L : (1L << (size * 8)) - 1);
    }
    slots.write(0, table, 0, table.length);
    DlCtx c = dl;
    if (c != null) {
      slots.storeI32(MAX, (int) Math.min(c.limits().maxResources(), 1 << 26));
      c.attach(this);
    }
    refresh();
    return this;
  }

  // --- what the DlCtx asks

  /** Slots live in the modules. */
  int live() {
    GraalMemory m = slots;
    if (m == null) {
      return 0;
    }
    try {
      return m.loadI32(LIVE);
    } catch (RuntimeException e) {
      return 0; // the instance's store is closed: its slots are gone
    }
  }

  /** Whether the instance's store is closed, and with it the modules and their slots. */
  boolean isGone() {
    GraalMemory m = slots;
    if (m == null) {
      return false;
    }
    try {
      m.loadI32(LIVE);
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }

  /** The DlCtx's own handle count changed: the modules' limit counts it. */
  void hostCount(int n) {
    write(HOST, n);
  }

  @Override
  public void mayLeave(boolean may) {
    mayLeave = may;
    refresh();
  }

  /** Whether the modules must ask {@link #enter()} first: leaving is forbidden or would trap. */
  void refresh() {
    DlCtx c = dl;
    write(ASK, !mayLeave || c == null || c.isClosed() ? 1 : 0);
  }

  /** Writes a counter cell of the modules' memory, unless their store is closed (nothing runs). */
  private void write(int address, int value) {
    GraalMemory m = slots;
    if (m != null) {
      try {
        m.storeI32(address, value);
      } catch (RuntimeException e) {
        // the instance's store is closed: no module will read the cell again
      }
    }
  }

  // --- ForeignHandles: the handle table's lifts and lowers of the two types

  @Override
  public int liftOwn(ResourceType type, int i) {
    boolean incoming = type == FfiBindings.INCOMING_PRIMITIVE;
    int slot = call("slot", i, incoming ? 1 : 0).asInt();
    int info = call("info", slot).asInt();
    long bits = call("bits", slot).asLong();
    Object kept = at(slot);
    call("free", slot);
    PrimitiveType t = TYPES[info & 0xff];
    Object value;
    if (incoming) {
      value = kept instanceof IncomingPrimitive p ? p : IncomingPrimitive.ofBits(t, bits);
    } else {
      OutgoingSlot s = new OutgoingSlot(t);
      switch ((info >>> 8) & 0xff) {
        case OUTGOING_BITS -> s.setBits(bits);
        case OUTGOING_ADDR -> s.setAlloc((Alloc) java.util.Objects.requireNonNull(kept));
        default -> {} // never set
      }
      value = s;
    }
    return ctx().push(value).rep();
  }

  @Override
  public int lowerOwn(ResourceType type, int rep) {
    Object value = ctx().take(new Resource<>(rep), Object.class);
    int handle =
        switch (value) {
          case IncomingPrimitive p when p.type() == PrimitiveType.POINTER -> {
            int h = slot(HELD | INCOMING, p.type(), p.bits());
            remember(h - FIRST, p);
            yield h;
          }
          case IncomingPrimitive p -> slot(INCOMING, p.type(), p.bits());
          case OutgoingSlot s when s.alloc() != null -> {
            int h = slot(HELD | OUTGOING_ADDR, s.type, 0);
            remember(h - FIRST, s.alloc());
            yield h;
          }
          case OutgoingSlot s -> slot(s.isSet() ? OUTGOING_BITS : OUTGOING_UNSET, s.type, s.bits());
          default -> throw new Trap("wasi:dl: " + value + " is not a " + type);
        };
    return handle;
  }

  private int slot(int kind, PrimitiveType t, long bits) {
    int h = call("new", (kind << 8) | code(t), bits).asInt();
    if (h == 0) {
      throw new Trap("wasi:dl: " + limitMessage());
    }
    return h;
  }

  // --- the host functions ("h")

  @SuppressWarnings("unused") // through imports()
  private void enter() {
    site.checkMayLeave();
    ctx().checkOpen();
  }

  /** Records why operation {@code op} on a value of type {@code ty} failed; the error result. */
  @SuppressWarnings("unused") // through imports()
  private int fail(int op, int ty, long v) {
    PrimitiveType t = TYPES[ty];
    String name = OPS[op];
    String what = op < 10 ? "outgoing-primitive." : op < 21 ? "incoming-primitive." : "function.";
    try {
      switch (op) {
        case 0, 1, 2, 3 -> CanonicalBits.ofSigned(t, v);
        case 4, 5, 6, 7 -> CanonicalBits.ofUnsigned(t, v);
        case 8 -> CanonicalBits.ofFloat(t, Float.intBitsToFloat((int) v));
        case 9 -> CanonicalBits.ofDouble(t, Double.longBitsToDouble(v));
        case 10 -> IncomingPrimitive.ofBits(t, v).getS8();
        case 11 -> IncomingPrimitive.ofBits(t, v).getS16();
        case 12 -> IncomingPrimitive.ofBits(t, v).getS32();
        case 13 -> IncomingPrimitive.ofBits(t, v).getS64();
        case 14 -> IncomingPrimitive.ofBits(t, v).getU8();
        case 15 -> IncomingPrimitive.ofBits(t, v).getU16();
        case 16 -> IncomingPrimitive.ofBits(t, v).getU32();
        case 17 -> IncomingPrimitive.ofBits(t, v).getU64();
        case 18 -> IncomingPrimitive.ofBits(t, v).getF32();
        case 19 -> IncomingPrimitive.ofBits(t, v).getF64();
        case 20 -> IncomingPrimitive.ofBits(t, v).getAlloc().close();
        case 22 -> throw new DlError(limitMessage());
        default -> throw new IllegalArgumentException("operation " + op);
      }
    } catch (FfiException | DlError e) {
      ctx().failed(what + name, e.getMessage());
      return 1;
    }
    throw new Trap(
        "wasi:dl adapter: " + what + name + " failed in wasm but not in the host, for " + t);
  }

  @SuppressWarnings("unused") // through imports()
  private void trap(int code, int i) {
    String index = Integer.toUnsignedString(i);
    throw switch (code) {
      case 0 ->
          new ResourceTableException(
              ResourceTableError.NOT_PRESENT, "unknown handle index " + index);
      case 1, 2 ->
          new ResourceTableException(
              ResourceTableError.WRONG_TYPE,
              "handle index "
                  + index
                  + " used with the wrong type: it holds an "
                  + (code == 1 ? "incoming" : "outgoing")
                  + "-primitive, expected a handle to "
                  + (code == 1 ? FfiBindings.OUTGOING_PRIMITIVE : FfiBindings.INCOMING_PRIMITIVE));
      case 3 -> {
        HostCall.caseIndex(i, TYPES.length, FfiBindings.TYPE_PRIMITIVE_TYPE);
        yield new IllegalStateException("primitive-type " + index);
      }
      case 4 -> new Trap("wasi:dl outgoing-primitive: " + limitMessage());
      case 5 -> new Trap("spilled result pointer " + index + " is not aligned");
      default -> new IllegalArgumentException("trap " + code);
    };
  }

  /** {@code set-addr}: keeps the borrowed alloc of {@code allocHandle} for {@code slot}. */
  @SuppressWarnings("unused") // through imports()
  private int setAddr(int slot, int allocHandle, int isPointer) {
    Alloc alloc =
        ctx().alloc(new Resource<>(site.handles().resourceRep(FfiBindings.ALLOC, allocHandle)));
    if (isPointer == 0) {
      int info = call("info", slot).asInt();
      DlError e = OutgoingSlot.notPointer(TYPES[info & 0xff]);
      ctx().failed("outgoing-primitive.set-addr", e.getMessage());
      return 1;
    }
    remember(slot, alloc);
    return 0;
  }

  /**
   * {@code function.call} of function handle {@code fn} with these bits, its {@code shape} the
   * argument count (at most three) in the top byte and their types in the low bytes: the result's
   * bits, with {@link #outcome} its type's ordinal, {@link #VOID}, {@link #FAILED} (the error
   * recorded), or {@link #ELSEWHERE} when the function takes the host's typed path (nothing called,
   * nothing taken).
   */
  @SuppressWarnings("unused") // through imports()
  private long call(int fn, long shape, long a0, long a1, long a2) {
    return call6(fn, shape, a0, a1, a2, 0, 0, 0);
  }

  /** {@link #call} of four to six arguments: a crossing costs more the more it carries. */
  private long call6(int fn, long shape, long a0, long a1, long a2, long a3, long a4, long a5) {
    int n = (int) (shape >>> 56);
    long types = shape;
    int rep = site.handles().resourceRep(DllBindings.FUNCTION, fn);
    FunctionEntry entry = ctx().get(new Resource<>(rep), FunctionEntry.class);
    if (!(entry instanceof FunctionEntry.Callable c)) {
      outcome(ELSEWHERE);
      return 0;
    }
    PrimitiveType[] params = c.rawParams;
    if (params == null || params.length != n) {
      outcome(ELSEWHERE);
      return 0;
    }
    for (int i = 0; i < n; i++) {
      if ((int) ((types >>> (8 * i)) & 0xff) != code(params[i])) {
        outcome(ELSEWHERE);
        return 0;
      }
    }
    long[] bits =
        switch (n) {
          case 0 -> new long[0];
          case 1 -> new long[] {a0};
          case 2 -> new long[] {a0, a1};
          case 3 -> new long[] {a0, a1, a2};
          case 4 -> new long[] {a0, a1, a2, a3};
          case 5 -> new long[] {a0, a1, a2, a3, a4};
          default -> new long[] {a0, a1, a2, a3, a4, a5};
        };
    try {
      long result = c.function().invokeRaw(bits);
      PrimitiveType type = c.rawResult;
      outcome(type == null ? VOID : code(type));
      return result;
    } catch (FfiException | DlError e) {
      ctx().failed("function.call", e.getMessage());
      outcome(FAILED);
      return 0;
    }
  }

  /** Leaves function.call's outcome where the memory module reads it. */
  private void outcome(int s) {
    if (s != status) {
      status = s;
      write(STATUS, s);
    }
  }

  /** The modules freed or set {@code slot}: let go of what was kept for it. */
  @SuppressWarnings("unused") // through imports()
  private void release(int slot) {
    remember(slot, null);
  }

  /**
   * {@code get-alloc} of the pointer in {@code slot}: the new alloc's handle in the instance, 0 if
   * refused.
   */
  @SuppressWarnings("unused") // through imports()
  private int getAlloc(int slot, long bits) {
    try {
      IncomingPrimitive p =
          at(slot) instanceof IncomingPrimitive kept && kept.bits() == bits
              ? kept
              : IncomingPrimitive.ofBits(PrimitiveType.POINTER, bits);
      Resource<?> r = FfiHost.allocAt(ctx(), p);
      return site.handles().resourceNew(FfiBindings.ALLOC, r.rep());
    } catch (FfiException | DlError e) {
      ctx().failed("incoming-primitive.get-alloc", e.getMessage());
      return 0;
    }
  }

  // --- helpers

  /** The type's case index in the WIT's primitive-type, the modules' type code. */
  @SuppressWarnings("EnumOrdinal") // PrimitiveType declares one constant per WIT case, in WIT order
  private static int code(PrimitiveType t) {
    return t.ordinal();
  }

  private String limitMessage() {
    return "the instance holds "
        + ctx().resourceCount()
        + " wasi:dl handles, the limit (--dl-max-resources); drop some first";
  }

  private @Nullable Object at(int slot) {
    @Nullable Object[] a = held;
    return slot < a.length ? a[slot] : null;
  }

  private void remember(int slot, @Nullable Object value) {
    if (slot >= held.length) {
      held = Arrays.copyOf(held, Math.max(slot + 1, held.length * 2));
    }
    held[slot] = value;
  }

  private org.graalvm.polyglot.Value call(String export, Object... args) {
    GraalInstance s = java.util.Objects.requireNonNull(state, "attached");
    GraalFunction f = s.function(export).orElseThrow();
    return f.call(args);
  }

  /** {@code call} of {@code n} arguments: {@code (fn, shape, a0 .. an-1) -> bits}. */
  private static MethodType callType(int n) {
    Class<?>[] params = new Class<?>[2 + n];
    Arrays.fill(params, long.class);
    params[0] = int.class;
    return MethodType.methodType(long.class, params);
  }

  private static void define(
      Map<String, HostFunctionClass> into, String name, String method, MethodType type) {
    try {
      MethodHandle mh = MethodHandles.lookup().findVirtual(DlAdapterHost.class, method, type);
      java.util.List<CoreValType> ps = new java.util.ArrayList<>();
      for (Class<?> p : type.parameterList()) {
        ps.add(p == long.class ? CoreValType.I64 : CoreValType.I32);
      }
      Class<?> result = type.returnType();
      java.util.List<CoreValType> rs =
          result == void.class
              ? java.util.List.of()
              : java.util.List.of(result == long.class ? CoreValType.I64 : CoreValType.I32);
      into.put(name, HostFunctionClass.of(new CoreType.Func(ps, rs), mh));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static Map<String, HostFunctionClass> importClasses() {
    Map<String, HostFunctionClass> m = new LinkedHashMap<>();
    define(m, "enter", "enter", MethodType.methodType(void.class));
    define(m, "fail", "fail", MethodType.methodType(int.class, int.class, int.class, long.class));
    define(m, "trap", "trap", MethodType.methodType(void.class, int.class, int.class));
    define(
        m,
        "set-addr",
        "setAddr",
        MethodType.methodType(int.class, int.class, int.class, int.class));
    define(m, "call", "call", callType(3));
    define(m, "call6", "call6", callType(6));
    define(m, "get-alloc", "getAlloc", MethodType.methodType(int.class, int.class, long.class));
    define(m, "release", "release", MethodType.methodType(void.class, int.class));
    return java.util.Collections.unmodifiableMap(m);
  }
}
