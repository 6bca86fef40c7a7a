package dev.wasidl.graal;

import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import dev.wasidl.component.binary.BinaryWriter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A core module through which Java calls a lifted export that takes strings or byte lists or
 * returns one: one polyglot call instead of one per realloc, write, load and post-return. Java
 * passes the other flat arguments and each byte string's length; wasm calls the guest's realloc for
 * each byte string and pulls its words from the {@link Host}, calls the export, and for a result in
 * memory pushes the bytes to the host, which lifts them, before it calls post-return:
 *
 * <pre>{@code
 * (func (export "call") (type $f)
 *   ;; per byte string k at parameter j: its length from (call $allocating k), which clears
 *   ;; may_leave; $j = (call $allocated k (call $realloc 0 0 1 len)), which restores it and checks
 *   ;; the range; the words from $word stored there
 *   (call $f (local.get 0) ...)
 *   ;; a result in memory at $r: its (pointer, length) loaded if $r is in bounds and aligned,
 *   ;; (call $result $r ptr len ok) checks them; if it accepts (>= 0), the words pushed
 *   ;; ($push), (call $lift), then post-return between (call $leaving 0) and (call $leaving 1)
 *   )
 * }</pre>
 *
 * <p>The host checks everything that traps as the direct path does, with its messages, before wasm
 * touches memory the check covers; what it declines (a long result, a range out of bounds) is left
 * to Java after the call. Modules are cached per signature.
 */
public final class EntryShim {
  /** How the core function returns its result. */
  public enum Result {
    /** No result, or flat values Java lifts (and then runs post-return itself). */
    FLAT,
    /** A pointer to a string's or list's (pointer, length) pair, pushed and lifted in wasm. */
    MEMORY
  }

  /**
   * The Java side of a shim's calls, for one function of one instance. Its methods run inside the
   * one polyglot call of the shim.
   */
  public abstract static class Host {
    protected Host() {}

    /** The byte length of byte string {@code k}; clears {@code may_leave} for realloc. */
    protected abstract int allocating(int k);

    /**
     * Realloc returned {@code ptr} for byte string {@code k}: restores {@code may_leave} and traps
     * if the range is misaligned or out of bounds. Returns {@code ptr}.
     */
    protected abstract int allocated(int k, int ptr);

    /** The next eight bytes of the byte string being copied (the last ones zero-padded). */
    protected abstract long word();

    /**
     * The result's pair at {@code retptr} ({@code ok} 0 if wasm found it misaligned or out of
     * bounds, and did not load it): traps if it is bad; 0 if wasm is to push the {@code length}
     * bytes at {@code ptr}, -1 if Java lifts them after the call.
     */
    protected abstract int result(int retptr, int ptr, int length, int ok);

    /** The next eight bytes of the result (the last ones zero-padded). */
    protected abstract void push(long word);

    /** All bytes pushed: lifts them, trapping as lifting from memory does. */
    protected abstract void lift();

    /** 0: post-return begins ({@code may_leave} cleared); 1: it returned. */
    protected abstract void leaving(int done);
  }

  private record Key(CoreType.Func type, List<Integer> pairs, Result result, boolean post) {}

  private static final int MAX_CACHED = 256;
  private static final ConcurrentHashMap<Key, GraalModule> MODULES = new ConcurrentHashMap<>();

  private static final CoreValType I32 = CoreValType.I32;
  private static final CoreValType I64 = CoreValType.I64;
  private static final CoreType.Func REALLOC =
      new CoreType.Func(List.of(I32, I32, I32, I32), List.of(I32));
  private static final CoreType.Func POST = new CoreType.Func(List.of(I32), List.of());

  // the host's imports, in the module's order after f, realloc and post
  private static final String[] HOST = {
    "allocating", "allocated", "word", "result", "push", "lift", "leaving"
  };
  private static final CoreType.Func[] HOST_TYPES = {
    new CoreType.Func(List.of(I32), List.of(I32)),
    new CoreType.Func(List.of(I32, I32), List.of(I32)),
    new CoreType.Func(List.of(), List.of(I64)),
    new CoreType.Func(List.of(I32, I32, I32, I32), List.of(I32)),
    new CoreType.Func(List.of(I64), List.of()),
    new CoreType.Func(List.of(), List.of()),
    new CoreType.Func(List.of(I32), List.of())
  };
  private static final HostFunctionClass[] HOST_CLASSES = new HostFunctionClass[HOST.length];
  private static final HostFunction NO_POST;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      for (int i = 0; i < HOST.length; i++) {
        CoreType.Func t = HOST_TYPES[i];
        MethodHandle m = lookup.findVirtual(Host.class, HOST[i], HostFunctionClasses.methodType(t));
        HOST_CLASSES[i] = HostFunctionClass.of(t, m);
      }
      NO_POST =
          HostFunctionClass.of(
                  POST,
                  MethodHandles.empty(MethodType.methodType(void.class, Object.class, int.class)))
              .bind(null);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // function indices: f, realloc, post, the host's, then call
  private static final int F = 0;
  private static final int REALLOC_FN = 1;
  private static final int POST_FN = 2;
  private static final int ALLOCATING = 3;
  private static final int ALLOCATED = 4;
  private static final int WORD = 5;
  private static final int RESULT = 6;
  private static final int PUSH = 7;
  private static final int LIFT = 8;
  private static final int LEAVING = 9;

  private EntryShim() {}

  /**
   * The shim's {@code call} for {@code core} of core type {@code type}, instantiated in its store:
   * the i32 pairs at parameters {@code pairs} are byte strings the shim allocates and copies, with
   * alignment 1; {@code postReturn} runs in wasm only for a {@link Result#MEMORY} result.
   */
  public static GraalFunction instantiate(
      GraalFunction core,
      CoreType.Func type,
      List<Integer> pairs,
      Result result,
      GraalMemory memory,
      @Nullable GraalFunction realloc,
      @Nullable GraalFunction postReturn,
      Host host) {
    boolean post = postReturn != null && result == Result.MEMORY;
    GraalModule module = module(new Key(type, List.copyOf(pairs), result, post));
    Imports.Builder imports =
        Imports.builder()
            .define("m", "memory", memory)
            .define("g", "f", core)
            .define("g", "realloc", realloc != null ? realloc : DeferredStores.noRealloc())
            .define("g", "post", post ? postReturn : NO_POST);
    for (int i = 0; i < HOST.length; i++) {
      imports.define("h", HOST[i], HOST_CLASSES[i].bind(host));
    }
    return core.store().instantiate(module, imports.build()).function("call").orElseThrow();
  }

  private static GraalModule module(Key key) {
    GraalModule m = MODULES.get(key);
    if (m == null) {
      if (MODULES.size() >= MAX_CACHED) {
        MODULES.clear(); // a bound, not a policy
      }
      m = MODULES.computeIfAbsent(key, k -> GraalModule.of("wasidl-entry", bytes(k)));
    }
    return m;
  }

  /** The module's bytes, as the class comment shows. */
  private static byte[] bytes(Key key) {
    CoreType.Func f = key.type();
    BinaryWriter types = new BinaryWriter().u32(3 + HOST.length);
    SpunModules.funcType(types, f); // 0
    SpunModules.funcType(types, REALLOC); // 1
    SpunModules.funcType(types, POST); // 2
    for (CoreType.Func t : HOST_TYPES) {
      SpunModules.funcType(types, t); // 3..
    }
    BinaryWriter imports = new BinaryWriter().u32(4 + HOST.length);
    imports.name("m").name("memory").u8(0x02).u8(0x00).u32(0);
    imports.name("g").name("f").u8(0x00).u32(0);
    imports.name("g").name("realloc").u8(0x00).u32(1);
    imports.name("g").name("post").u8(0x00).u32(2);
    for (int i = 0; i < HOST.length; i++) {
      imports.name("h").name(HOST[i]).u8(0x00).u32(3 + i);
    }
    BinaryWriter functions = new BinaryWriter().u32(1).u32(0);
    BinaryWriter exports = new BinaryWriter().u32(1).name("call").u8(0x00).u32(3 + HOST.length);
    BinaryWriter code = new BinaryWriter().u32(1).sized(callBody(key));
    return SpunModules.module(types, imports, functions, exports, code);
  }

  /**
   * {@code call}: its parameters are {@code f}'s, then locals ptr, len, i (i32), w (i64), r, p2,
   * l2, words, k (i32).
   */
  private static BinaryWriter callBody(Key key) {
    int n = key.type().params().size();
    int ptr = n;
    int len = n + 1;
    int i = n + 2;
    int w = n + 3;
    int r = n + 4;
    int p2 = n + 5;
    int l2 = n + 6;
    int words = n + 7;
    int k = n + 8;
    BinaryWriter b = new BinaryWriter().u32(3).u32(3).u8(0x7f).u32(1).u8(0x7e).u32(5).u8(0x7f);
    for (int pair = 0; pair < key.pairs().size(); pair++) {
      int j = key.pairs().get(pair);
      constI32(b, pair).u8(0x10).u32(ALLOCATING).u8(0x21).u32(len);
      constI32(b, 0);
      constI32(b, 0);
      constI32(b, 1);
      b.u8(0x20).u32(len).u8(0x10).u32(REALLOC_FN).u8(0x21).u32(ptr);
      constI32(b, pair).u8(0x20).u32(ptr).u8(0x10).u32(ALLOCATED).u8(0x21).u32(j);
      SpunModules.copyWordsIn(b, j, len, i, w, WORD);
    }
    for (int p = 0; p < n; p++) {
      b.u8(0x20).u32(p);
    }
    b.u8(0x10).u32(F);
    if (key.result() == Result.MEMORY) {
      b.u8(0x21).u32(r);
      // ok: aligned, and r + 8 within memory.size pages
      b.u8(0x20).u32(r).u8(0x41).u8(3).u8(0x71).u8(0x45);
      b.u8(0x20).u32(r).u8(0xad).u8(0x42).u8(8).u8(0x7c);
      b.u8(0x3f).u8(0x00).u8(0xad).u8(0x42).u8(16).u8(0x86).u8(0x58);
      b.u8(0x71).u8(0x21).u32(k);
      b.u8(0x20).u32(k).u8(0x04).u8(0x40);
      b.u8(0x20).u32(r).u8(0x28).u32(0).u32(0).u8(0x21).u32(p2);
      b.u8(0x20).u32(r).u8(0x28).u32(0).u32(4).u8(0x21).u32(l2);
      b.u8(0x0b);
      b.u8(0x20).u32(r).u8(0x20).u32(p2).u8(0x20).u32(l2).u8(0x20).u32(k);
      b.u8(0x10).u32(RESULT).u8(0x21).u32(words);
      b.u8(0x20).u32(words).u8(0x41).u8(0).u8(0x4e).u8(0x04).u8(0x40);
      constI32(b, 0).u8(0x21).u32(i);
      // whole words
      b.u8(0x02).u8(0x40).u8(0x03).u8(0x40);
      b.u8(0x20).u32(i).u8(0x41).u8(8).u8(0x6a).u8(0x20).u32(l2).u8(0x4b).u8(0x0d).u32(1);
      b.u8(0x20).u32(p2).u8(0x20).u32(i).u8(0x6a).u8(0x29).u32(0).u32(0).u8(0x10).u32(PUSH);
      b.u8(0x20).u32(i).u8(0x41).u8(8).u8(0x6a).u8(0x21).u32(i);
      b.u8(0x0c).u32(0).u8(0x0b).u8(0x0b);
      // the last bytes, gathered into one word
      b.u8(0x02).u8(0x40);
      b.u8(0x20).u32(i).u8(0x20).u32(l2).u8(0x4f).u8(0x0d).u32(0);
      b.u8(0x42).u8(0).u8(0x21).u32(w);
      constI32(b, 0).u8(0x21).u32(k);
      b.u8(0x03).u8(0x40);
      b.u8(0x20).u32(w);
      b.u8(0x20).u32(p2).u8(0x20).u32(i).u8(0x6a).u8(0x31).u32(0).u32(0);
      b.u8(0x20).u32(k).u8(0xad).u8(0x86).u8(0x84).u8(0x21).u32(w);
      b.u8(0x20).u32(k).u8(0x41).u8(8).u8(0x6a).u8(0x21).u32(k);
      b.u8(0x20).u32(i).u8(0x41).u8(1).u8(0x6a).u8(0x22).u32(i);
      b.u8(0x20).u32(l2).u8(0x49).u8(0x0d).u32(0);
      b.u8(0x0b);
      b.u8(0x20).u32(w).u8(0x10).u32(PUSH);
      b.u8(0x0b);
      b.u8(0x10).u32(LIFT);
      if (key.post()) {
        constI32(b, 0).u8(0x10).u32(LEAVING);
        b.u8(0x20).u32(r).u8(0x10).u32(POST_FN);
        constI32(b, 1).u8(0x10).u32(LEAVING);
      }
      b.u8(0x0b); // end if
      b.u8(0x20).u32(r);
    }
    b.u8(0x0b);
    return b;
  }

  private static BinaryWriter constI32(BinaryWriter b, int v) {
    return b.u8(0x41).sleb(v);
  }
}
