package dev.wasidl.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.bindings.Resource;
import dev.wasidl.dl.bindings.wasi.dl.Dll;
import dev.wasidl.dl.bindings.wasi.dl.Ffi;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.Function;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.nativetests.NativeLibs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resource lifetimes through the host: a dropped library stays mapped while a function from it is
 * alive (so the host never calls unmapped code) and is unloaded after; closing a context releases
 * everything; guests share one cached downcall handle per signature.
 */
class DlLifetimeTest {
  @TempDir Path dir;

  /** A private copy of libwasidl_prims.so, so no other test keeps it mapped. */
  private String privateCopy(String name) throws IOException {
    Path copy = dir.resolve(name);
    Files.copy(NativeLibs.path("wasidl_prims"), copy);
    return copy.toRealPath().toString();
  }

  private static boolean mapped(String path) throws IOException {
    return Files.readAllLines(Path.of("/proc/self/maps")).stream().anyMatch(l -> l.endsWith(path));
  }

  private static Function bridge(Guest g, Resource<Dll.Function> f) {
    return ((FunctionEntry.Callable) g.ctx.get(f, FunctionEntry.class)).function();
  }

  @Test
  void aDroppedLibraryStaysLoadedWhileItsFunctionsLive() throws IOException {
    String lib = privateCopy("libdl-host-drop.so");
    try (Guest g = new Guest(DlPolicy.builder().allow(lib).build())) {
      Resource<Dll.Library> l = g.open(lib);
      Resource<Dll.Symbol> s = g.sym(l, "add_int");
      Resource<Dll.Function> add = g.fn(l, "add_int", "(c-int, c-int) -> c-int");
      Resource<Dll.Symbol> s2 = g.sym(l, "add_int");
      Resource<Ffi.Alloc> data = g.dll.symbolGetAlloc(s2, g.type("c-schar"));
      g.dll.dropSymbol(s2);
      assertTrue(mapped(lib));
      g.dll.dropLibrary(l);
      g.dll.dropSymbol(s);
      assertTrue(mapped(lib), "a function and an alloc from it are alive");
      assertEquals(5, g.callS64(add, g.val(PrimitiveType.C_INT, 2), g.val(PrimitiveType.C_INT, 3)));
      g.dll.dropFunction(add);
      assertTrue(mapped(lib), "an alloc pointing into it is alive");
      g.ffi.dropAlloc(data);
      assertFalse(mapped(lib), "dlclose'd once nothing from it is alive");
      assertEquals(1, g.ctx.resourceCount(), "only the incoming-primitive of the call is left");
    }
  }

  @Test
  void closingTheContextReleasesEverything() throws IOException {
    String lib = privateCopy("libdl-host-close.so");
    Guest g = new Guest(DlPolicy.builder().allow(lib).build());
    Resource<Dll.Library> l = g.open(lib);
    Resource<Dll.Function> add = g.fn(l, "add_int", "(c-int, c-int) -> c-int");
    g.alloc("struct{c-double, c-int}");
    g.ffi.newOutgoingPrimitive(Ffi.PrimitiveType.C_INT);
    assertTrue(mapped(lib));
    g.close();
    assertFalse(mapped(lib), "unloaded with the context");
    Trap t = assertThrows(Trap.class, () -> g.dll.functionCall(add, java.util.List.of()));
    assertTrue(t.getMessage().contains("closed"), t.getMessage());
    g.dll.dropFunction(add); // a drop after close (the instance going away) is quiet
    g.close(); // idempotent
  }

  @Test
  void oneCachedMethodHandlePerSignatureAcrossGuests() {
    String prims = NativeLibs.path("wasidl_prims").toString();
    DlPolicy policy = DlPolicy.builder().allow(prims).build();
    try (Guest a = new Guest(policy);
        Guest b = new Guest(policy)) {
      Resource<Dll.Library> la = a.open(prims);
      Resource<Dll.Library> lb = b.open(prims);
      Function f1 = bridge(a, a.fn(la, "add_int", "(c-int, c-int) -> c-int"));
      Function f2 = bridge(a, a.fn(la, "add_int", "(c-int, c-int) -> c-int"));
      Function f3 = bridge(b, b.fn(lb, "add", "(c-int, c-int) -> c-int"));
      assertSame(f1.downcallHandle(), f2.downcallHandle(), "the same signature twice");
      assertSame(f1.downcallHandle(), f3.downcallHandle(), "the same signature in two instances");
      assertTrue(f1.hasRawPath(), "primitive signatures take bridge-ffm's raw path");
      // struct signatures too, built from fresh struct-type resources each time
      Function s1 = bridge(a, a.fn(la, "mix", "(c-double, c-int, c-long, c-float) -> c-double"));
      Function s2 = bridge(b, b.fn(lb, "mix", "(c-double, c-int, c-long, c-float) -> c-double"));
      assertSame(s1.downcallHandle(), s2.downcallHandle());
    }
    String structs = NativeLibs.path("wasidl_structs").toString();
    DlPolicy sp = DlPolicy.builder().allow(structs).build();
    try (Guest a = new Guest(sp);
        Guest b = new Guest(sp)) {
      String sig = "(struct{c-schar, c-int}) -> c-double";
      Function s1 = bridge(a, a.fn(a.open(structs), "sum_ci", sig));
      Function s2 = bridge(b, b.fn(b.open(structs), "sum_ci", sig));
      assertSame(s1.downcallHandle(), s2.downcallHandle());
    }
  }

  @Test
  void everyResourceTypeIsReleasedByItsDrop() {
    String prims = NativeLibs.path("wasidl_prims").toString();
    try (Guest g = new Guest(DlPolicy.builder().allow(prims).build())) {
      Resource<Dll.Library> l = g.open(prims);
      Resource<Dll.Symbol> s = g.sym(l, "add_int");
      Resource<Dll.Function> f = g.fn(l, "id_int", "(c-int) -> c-int");
      Resource<Ffi.Alloc> a = g.alloc("struct{c-schar, c-int}");
      Resource<Ffi.StructType> st = g.ffi.newStructType(java.util.List.of(g.type("c-int")));
      Resource<Ffi.OutgoingPrimitive> op = g.ffi.newOutgoingPrimitive(Ffi.PrimitiveType.C_INT);
      Resource<Ffi.OutgoingStruct> os =
          g.ffi.newOutgoingStruct(java.util.List.of(g.val(PrimitiveType.C_INT, 1)));
      Resource<Ffi.IncomingPrimitive> ip = g.callPrim(f, g.val(PrimitiveType.C_INT, 5));
      Resource<Ffi.IncomingStruct> is = Guest.ok(g.ffi.allocReadStruct(a));
      java.util.List<Ffi.IncomingValue> fields = g.ffi.incomingStructFields(is);
      assertEquals(2, fields.size());
      for (Ffi.IncomingValue v : fields) {
        g.ffi.dropIncomingPrimitive(Guest.prim(v));
      }
      g.ffi.dropIncomingStruct(is);
      g.ffi.dropIncomingPrimitive(ip);
      g.ffi.dropOutgoingStruct(os);
      g.ffi.dropOutgoingPrimitive(op);
      g.ffi.dropStructType(st);
      g.ffi.dropAlloc(a);
      g.dll.dropFunction(f);
      g.dll.dropSymbol(s);
      g.dll.dropLibrary(l);
      assertEquals(0, g.ctx.resourceCount());
    }
  }
}
