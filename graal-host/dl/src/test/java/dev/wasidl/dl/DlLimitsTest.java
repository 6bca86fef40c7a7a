package dev.wasidl.dl;

import static dev.wasidl.dl.Guest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.bindings.Resource;
import dev.wasidl.dl.bindings.wasi.dl.Ffi;
import dev.wasidl.ffm.DlPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, reproduction 7: what an instance's wasi:dl holds is bounded by its {@link DlLimits};
 * exceeding a limit is an error result (or a trap where the WIT has no result) that says "limit",
 * quickly and without an OutOfMemoryError, and the instance goes on within its limits.
 */
class DlLimitsTest {
  private static Guest guest(DlLimits limits) {
    return new Guest(new DlCtx(DlPolicy.denyAll(), limits));
  }

  private static List<Ffi.FfiType> ints(int n) {
    return Collections.nCopies(n, new Ffi.FfiType.Primitive(Ffi.PrimitiveType.C_INT));
  }

  @Test
  void ownedAllocMemoryIsCapped() {
    try (Guest g = guest(DlLimits.DEFAULT.withMaxMemory(4096))) {
      Resource<Ffi.StructType> big = g.ffi.newStructType(ints(1025)); // 4100 bytes
      String cause = g.err(g.ffi.allocNew(new Ffi.FfiType.Struct(big)));
      assertEquals(
          "alloc.new: 4100 bytes of allocs live at once would exceed the limit of 4096 bytes"
              + " (--dl-max-memory)",
          cause);
      List<Resource<Ffi.Alloc>> held = new ArrayList<>();
      for (int i = 0; i < 512; i++) {
        held.add(g.alloc("pointer")); // 512 * 8 = 4096
      }
      assertTrue(g.err(g.ffi.allocNew(g.type("c-int"))).contains("limit"));
      // dropping gives the memory back
      g.ffi.dropAlloc(held.removeLast());
      ok(g.ffi.allocNew(g.type("c-int")));
    }
  }

  @Test
  void stringsGrowingAnAllocCountToo() {
    try (Guest g = guest(DlLimits.DEFAULT.withMaxMemory(1000))) {
      Resource<Ffi.Alloc> a = g.alloc("pointer");
      assertTrue(
          g.err(g.ffi.allocWriteString(a, "x".repeat(2000))).contains("limit of 1000 bytes"));
      ok(g.ffi.allocWriteString(a, "x".repeat(900)));
      assertEquals("x".repeat(900), ok(g.ffi.allocReadString(a)));
      // the grown region is charged: a second one does not fit beside it
      Resource<Ffi.Alloc> b = g.alloc("pointer");
      assertTrue(g.err(g.ffi.allocWriteString(b, "y".repeat(200))).contains("limit"));
      g.ffi.dropAlloc(a);
      ok(g.ffi.allocWriteString(b, "y".repeat(200)));
    }
  }

  @Test
  void fieldsPerStructTypeAreCappedWithATrap() {
    try (Guest g = guest(DlLimits.DEFAULT.withMaxFields(100))) {
      g.ffi.newStructType(ints(100));
      Trap t = assertThrows(Trap.class, () -> g.ffi.newStructType(ints(101)));
      assertEquals(
          "wasi:dl struct-type: a struct type of 101 fields (nested structs flattened) exceeds the"
              + " limit of 100 fields per struct type (--dl-max-fields)",
          t.getMessage());
      // nesting counts the flattened fields
      Resource<Ffi.StructType> inner = g.ffi.newStructType(ints(60));
      Resource<Ffi.StructType> inner2 = g.ffi.newStructType(ints(60));
      Trap nested =
          assertThrows(
              Trap.class,
              () ->
                  g.ffi.newStructType(
                      List.of(new Ffi.FfiType.Struct(inner), new Ffi.FfiType.Struct(inner2))));
      assertTrue(nested.getMessage().contains("120 fields"), nested.getMessage());
    }
  }

  @Test
  void fieldsHeldAtOnceAreCapped() {
    try (Guest g = guest(DlLimits.DEFAULT.withMaxTotalFields(1000))) {
      List<Resource<Ffi.StructType>> types = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        types.add(g.ffi.newStructType(ints(100)));
      }
      Trap t = assertThrows(Trap.class, () -> g.ffi.newStructType(ints(1)));
      assertTrue(t.getMessage().contains("limit of 1000 fields"), t.getMessage());
      assertTrue(t.getMessage().contains("--dl-max-total-fields"), t.getMessage());
      // a struct type moved into an alloc stays counted; dropping the alloc releases it
      Resource<Ffi.Alloc> a = ok(g.ffi.allocNew(new Ffi.FfiType.Struct(types.removeFirst())));
      assertThrows(Trap.class, () -> g.ffi.newStructType(ints(1)));
      g.ffi.dropAlloc(a);
      g.ffi.newStructType(ints(100));
    }
  }

  @Test
  void liveHandlesAreCapped() {
    try (Guest g = guest(DlLimits.DEFAULT.withMaxResources(50))) {
      List<Resource<Ffi.Alloc>> held = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        held.add(g.alloc("c-int"));
      }
      String cause = g.err(g.ffi.allocNew(g.type("c-int")));
      assertEquals(
          "alloc.new: the instance holds 50 wasi:dl handles, the limit (--dl-max-resources);"
              + " drop some first",
          cause);
      Trap t = assertThrows(Trap.class, () -> g.ffi.newOutgoingPrimitive(Ffi.PrimitiveType.C_INT));
      assertTrue(t.getMessage().contains("limit"), t.getMessage());
      g.ffi.dropAlloc(held.removeLast());
      ok(g.ffi.allocNew(g.type("c-int")));
    }
  }

  /** The handle cap on the library side: open and get are error results, the rest traps. */
  @Test
  void librariesSymbolsAndFunctionsCountAsHandles() {
    DlCtx ctx =
        new DlCtx(
            DlPolicy.builder().allow("libm.so.6").build(), DlLimits.DEFAULT.withMaxResources(2));
    try (Guest g = new Guest(ctx)) {
      Resource<dev.wasidl.dl.bindings.wasi.dl.Dll.Library> libm = g.open("libm.so.6");
      Resource<dev.wasidl.dl.bindings.wasi.dl.Dll.Symbol> cos = g.sym(libm, "cos");
      String open =
          g.err(
              g.dll.libraryOpen(
                  java.util.Optional.of("libm.so.6"),
                  java.util.EnumSet.of(dev.wasidl.dl.bindings.wasi.dl.Dll.OpenFlags.NOW)));
      assertTrue(open.startsWith("library.open: the instance holds 2 wasi:dl handles"), open);
      String get = g.err(g.dll.libraryGet(libm, "sin"));
      assertTrue(get.startsWith("library.get: the instance holds 2 wasi:dl handles"), get);
      Trap t =
          assertThrows(
              Trap.class,
              () ->
                  g.dll.symbolGetFunction(
                      cos,
                      List.of(g.type("c-double")),
                      g.type(java.util.Optional.of(dev.wasidl.ffm.PrimitiveType.C_DOUBLE))));
      assertTrue(
          t.getMessage().startsWith("wasi:dl symbol.get-function: the instance holds 2"),
          t.getMessage());
      g.dll.dropSymbol(cos);
      // a dropped handle makes room again
      g.sym(libm, "sin");
    }
  }

  @Test
  void hugeStructTypesAreRefusedQuickly() {
    try (Guest g = guest(DlLimits.DEFAULT)) {
      long start = System.nanoTime();
      Trap t = assertThrows(Trap.class, () -> g.ffi.newStructType(ints(4_000_000)));
      assertTrue(t.getMessage().contains("limit of 65536 fields"), t.getMessage());
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms < 5_000, ms + " ms");
    }
  }

  @Test
  void limitsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> DlLimits.DEFAULT.withMaxMemory(0));
    assertThrows(IllegalArgumentException.class, () -> DlLimits.DEFAULT.withMaxFields(-1));
  }
}
