package dev.wasidl.graal;

import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import dev.wasidl.component.binary.BinaryWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.HostAccess;

/**
 * The core module through which an instance calls host functions whose stores are {@link
 * DeferredStores deferred}: per function, a wrapper with its type that calls it and then drains the
 * queue into the memory. One instance covers every such function a core instantiation imports, so a
 * component instance pays for one small instantiation, not one per function:
 *
 * <pre>{@code
 * (module
 *   (import "m" "memory" (memory 0))
 *   (import "s" "next" (func $next (result i64)))
 *   (import "s" "allocating" (func $allocating (result i64)))
 *   (import "s" "allocated" (func $allocated (param i32) (result i32)))
 *   (import "r" "realloc" (func $realloc (param i32 i32 i32 i32) (result i32)))
 *   (import "f" "0" (func $f0 (type $t0))) ...
 *   (func $drain (local $e i64) (local $base i32)
 *     (loop ... (local.set $e (call $next))
 *       (br_table on (i32.and (i32.wrap_i64 $e) 7):
 *         end | store8 | store16 | store32 | store64 | base | (call $alloc $e $base))
 *       ;; stores at $base + bits 3-31 of $e, of bits 32-63 (store64: of the next entry)
 *       ))
 *   (func $alloc (param $e i64) (param $base i32)
 *     ;; $ptr = (call $allocated (call $realloc 0 0 align len)) after (call $allocating), the
 *     ;; words from $next stored from $ptr, then $ptr and the length at $base + bits 3-31 of $e
 *     )
 *   (func (export "0") (type $t0) (local.get 0) ... (call $f0) (call $drain)) ...)
 * }</pre>
 *
 * <p>{@code next} is a {@code DeferredStores}, one class everywhere, so the compiled drain inlines
 * it. Modules are cached per list of function types: the instances of one component share one, and
 * with it their compiled code.
 */
final class StoreAdapters {
  /** The drain's one import besides the memory and the functions. */
  @FunctionalInterface
  public interface Source {
    @HostAccess.Export
    long next();
  }

  private static final int MAX_CACHED = 256;
  private static final ConcurrentHashMap<List<CoreType.Func>, GraalModule> MODULES =
      new ConcurrentHashMap<>();

  private StoreAdapters() {}

  /** The adapter module for functions of {@code types}, in that order. */
  static GraalModule module(List<CoreType.Func> types) {
    GraalModule m = MODULES.get(types);
    if (m == null) {
      if (MODULES.size() >= MAX_CACHED) {
        MODULES.clear(); // a bound, not a policy: components rarely differ in so many ways
      }
      m =
          MODULES.computeIfAbsent(
              List.copyOf(types), t -> GraalModule.of("wasidl-stores", bytes(t)));
    }
    return m;
  }

  /** The module's bytes, as the class comment shows. */
  static byte[] bytes(List<CoreType.Func> funcs) {
    // types: the functions' distinct types, then those of next and allocating, drain, allocated,
    // realloc and alloc
    Map<CoreType.Func, Integer> typeIndex = new LinkedHashMap<>();
    for (CoreType.Func f : funcs) {
      typeIndex.putIfAbsent(f, typeIndex.size());
    }
    int nextType = typeIndex.size();
    int drainType = nextType + 1;
    int allocatedType = nextType + 2;
    int reallocType = nextType + 3;
    int allocType = nextType + 4;
    CoreValType i32 = CoreValType.I32;
    BinaryWriter types = new BinaryWriter().u32(typeIndex.size() + 5);
    typeIndex.keySet().forEach(f -> SpunModules.funcType(types, f));
    SpunModules.funcType(types, new CoreType.Func(List.of(), List.of(CoreValType.I64)));
    SpunModules.funcType(types, new CoreType.Func(List.of(), List.of()));
    SpunModules.funcType(types, new CoreType.Func(List.of(i32), List.of(i32)));
    SpunModules.funcType(types, new CoreType.Func(List.of(i32, i32, i32, i32), List.of(i32)));
    SpunModules.funcType(types, new CoreType.Func(List.of(CoreValType.I64, i32), List.of()));

    // function indices: next, allocating, allocated, realloc, the imports, drain, alloc, wrappers
    BinaryWriter imports = new BinaryWriter().u32(funcs.size() + 5);
    imports.name("m").name("memory").u8(0x02).u8(0x00).u32(0);
    imports.name("s").name("next").u8(0x00).u32(nextType);
    imports.name("s").name("allocating").u8(0x00).u32(nextType);
    imports.name("s").name("allocated").u8(0x00).u32(allocatedType);
    imports.name("r").name("realloc").u8(0x00).u32(reallocType);
    for (int i = 0; i < funcs.size(); i++) {
      imports.name("f").name(Integer.toString(i)).u8(0x00).u32(typeIndex.get(funcs.get(i)));
    }
    int drain = funcs.size() + IMPORTED;
    int alloc = drain + 1;

    BinaryWriter functions = new BinaryWriter().u32(funcs.size() + 2).u32(drainType).u32(allocType);
    funcs.forEach(f -> functions.u32(typeIndex.get(f)));

    BinaryWriter exports = new BinaryWriter().u32(funcs.size());
    for (int i = 0; i < funcs.size(); i++) {
      exports.name(Integer.toString(i)).u8(0x00).u32(alloc + 1 + i);
    }

    BinaryWriter code = new BinaryWriter().u32(funcs.size() + 2);
    code.sized(drainBody(alloc));
    code.sized(allocBody());
    for (int i = 0; i < funcs.size(); i++) {
      BinaryWriter body = new BinaryWriter().u32(0);
      for (int p = 0; p < funcs.get(i).params().size(); p++) {
        body.u8(0x20).u32(p); // local.get p
      }
      // call f_i, call drain, end
      body.u8(0x10).u32(IMPORTED + i).u8(0x10).u32(drain).u8(0x0b);
      code.sized(body);
    }

    return SpunModules.module(types, imports, functions, exports, code);
  }

  // the imported functions' indices, before the host functions'
  private static final int NEXT = 0;
  private static final int ALLOCATING = 1;
  private static final int ALLOCATED = 2;
  private static final int REALLOC = 3;
  private static final int IMPORTED = 4;

  /** {@code $drain}: locals 0 (the entry, i64) and 1 (the base, i32). */
  private static BinaryWriter drainBody(int alloc) {
    BinaryWriter b = new BinaryWriter().u32(2).u32(1).u8(0x7e).u32(1).u8(0x7f);
    b.u8(0x02).u8(0x40); // block $done
    b.u8(0x03).u8(0x40); // loop $l
    b.u8(0x10).u32(NEXT).u8(0x21).u32(0); // local.set $e (call $next)
    for (int k = 0; k < 6; k++) {
      b.u8(0x02).u8(0x40); // blocks $k6 .. $k1
    }
    // br_table on the kind: 0 ends, 1-6 leave blocks $k1-$k6; depth 7 is $done
    b.u8(0x20).u32(0).u8(0xa7).u8(0x41).u8(7).u8(0x71);
    b.u8(0x0e).u32(7).u32(7).u32(0).u32(1).u32(2).u32(3).u32(4).u32(5).u32(7);
    int[][] stores = {{0x3a, 0}, {0x3b, 1}, {0x36, 2}, {0x37, 3}}; // store8/16/32, i64.store
    for (int k = 0; k < 4; k++) {
      b.u8(0x0b); // end $k(k+1)
      address(b);
      if (k < 3) {
        value(b);
      } else {
        b.u8(0x10).u32(NEXT); // the next entry
      }
      b.u8(stores[k][0]).u32(stores[k][1]).u32(0);
      b.u8(0x0c).u32(5 - k); // br $l
    }
    b.u8(0x0b); // end $k5: a new base
    value(b);
    b.u8(0x21).u32(1).u8(0x0c).u32(1);
    b.u8(0x0b); // end $k6: an allocation
    b.u8(0x20).u32(0).u8(0x20).u32(1).u8(0x10).u32(alloc).u8(0x0c).u32(0);
    b.u8(0x0b).u8(0x0b).u8(0x0b); // end loop, block, function
    return b;
  }

  /**
   * {@code $alloc(e, base)} of an {@code ALLOC} entry: realloc between {@code allocating} and
   * {@code allocated}, the words copied (the last one byte by byte, never past the length), the
   * pointer and the length to store stored. Locals: 2 the next entry (i64), 3 the pointer, 4 the
   * byte length, 5 the bytes copied (i32), 6 the last word (i64).
   */
  private static BinaryWriter allocBody() {
    BinaryWriter b = new BinaryWriter().u32(3).u32(1).u8(0x7e).u32(3).u8(0x7f).u32(1).u8(0x7e);
    value(b);
    b.u8(0x21).u32(4); // $len
    b.u8(0x10).u32(ALLOCATING).u8(0x21).u32(2);
    // realloc(0, 0, $e1 & 0xff, $len)
    b.u8(0x41).u8(0).u8(0x41).u8(0);
    b.u8(0x20).u32(2).u8(0xa7).u8(0x41).u8(0xff).u8(0x01).u8(0x71);
    b.u8(0x20).u32(4).u8(0x10).u32(REALLOC);
    b.u8(0x10).u32(ALLOCATED).u8(0x21).u32(3);
    SpunModules.copyWordsIn(b, 3, 4, 5, 6, NEXT);
    // the pair
    address(b);
    b.u8(0x20).u32(3).u8(0x36).u32(2).u32(0);
    address(b);
    b.u8(0x20).u32(2).u8(0x42).u8(32).u8(0x88).u8(0xa7).u8(0x36).u32(2).u32(4);
    b.u8(0x0b);
    return b;
  }

  /** {@code $base + ((i32.wrap $e) >>> 3)}. */
  private static void address(BinaryWriter b) {
    b.u8(0x20).u32(1).u8(0x20).u32(0).u8(0xa7).u8(0x41).u8(3).u8(0x76).u8(0x6a);
  }

  /** {@code i32.wrap ($e >>> 32)}. */
  private static void value(BinaryWriter b) {
    b.u8(0x20).u32(0).u8(0x42).u8(32).u8(0x88).u8(0xa7);
  }
}
