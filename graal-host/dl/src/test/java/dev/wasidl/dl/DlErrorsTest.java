package dev.wasidl.dl;

import static dev.wasidl.dl.Guest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.dl.bindings.wasi.dl.Dll;
import dev.wasidl.dl.bindings.wasi.dl.Ffi;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.nativetests.NativeLibs;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every error result of wasi:dl, each with the cause the host records, and the traps for misuse the
 * WIT cannot express.
 */
class DlErrorsTest {
  private static final String PRIMS = NativeLibs.path("wasidl_prims").toString();
  private static final String POINTERS = NativeLibs.path("wasidl_pointers").toString();

  private Guest g;
  private Resource<Dll.Library> prims;

  @BeforeEach
  void open() {
    g = new Guest(DlPolicy.builder().allow(PRIMS).allow(POINTERS).allow("/nonexistent/*").build());
    prims = g.open(PRIMS);
  }

  @AfterEach
  void close() {
    g.close();
  }

  @Test
  void openAndGetErrorsCarryTheirCause() {
    Result<Resource<Dll.Library>, String> missing =
        g.dll.libraryOpen(Optional.of("/nonexistent/libnope.so"), EnumSet.of(Dll.OpenFlags.NOW));
    assertTrue(
        missing instanceof Result.Err<?, String> e && e.error().contains("libnope.so"),
        missing::toString);
    Result<Resource<Dll.Library>, String> both =
        g.dll.libraryOpen(Optional.of(PRIMS), EnumSet.of(Dll.OpenFlags.LAZY, Dll.OpenFlags.NOW));
    assertTrue(both instanceof Result.Err<?, String> e && e.error().contains("lazy and now"));
    Result<Resource<Dll.Library>, String> gl =
        g.dll.libraryOpen(
            Optional.of(PRIMS), EnumSet.of(Dll.OpenFlags.GLOBAL, Dll.OpenFlags.LOCAL));
    assertTrue(gl instanceof Result.Err<?, String> e && e.error().contains("global and local"));

    Result<Resource<Dll.Symbol>, String> sym = g.dll.libraryGet(prims, "no_such_symbol");
    assertTrue(
        sym instanceof Result.Err<?, String> e && e.error().contains("no_such_symbol"),
        sym::toString);
    assertEquals(
        "library.get: " + ((Result.Err<?, String>) sym).error(), g.ctx.lastError().orElseThrow());
  }

  @Test
  void callErrorsAreResultsAndCallNothing() {
    Resource<Dll.Function> add = g.fn(prims, "add_int", "(c-int, c-int) -> c-int");
    // arity
    assertTrue(
        g.err(g.dll.functionCall(add, List.of(g.val(PrimitiveType.C_INT, 1))))
            .contains("expected 2 arguments"));
    // a type mismatch
    assertTrue(
        g.err(
                g.dll.functionCall(
                    add, List.of(g.val(PrimitiveType.C_INT, 1), g.val(PrimitiveType.C_LONG, 2))))
            .contains("argument 1: expected c-int, got c-long"));
    // a struct where a primitive is expected
    assertTrue(
        g.err(
                g.dll.functionCall(
                    add,
                    List.of(
                        g.val(PrimitiveType.C_INT, 1), g.struct(g.val(PrimitiveType.C_INT, 2)))))
            .contains("expected c-int"));
    // a value never set
    Resource<Ffi.OutgoingPrimitive> unset = g.ffi.newOutgoingPrimitive(Ffi.PrimitiveType.C_INT);
    assertTrue(
        g.err(
                g.dll.functionCall(
                    add,
                    List.of(g.val(PrimitiveType.C_INT, 1), new Ffi.OutgoingValue.Primitive(unset))))
            .contains("never set"));
    // an empty outgoing-struct is refused where it is used
    Resource<Ffi.OutgoingStruct> empty = g.ffi.newOutgoingStruct(List.of());
    assertTrue(
        g.err(g.ffi.allocWriteStruct(g.alloc("struct{c-int}"), empty))
            .contains("at least one field"));
    // the arguments were owned: taken over and released whatever the outcome
    int before = g.ctx.resourceCount();
    g.err(g.dll.functionCall(add, List.of(g.val(PrimitiveType.C_INT, 1))));
    assertEquals(before, g.ctx.resourceCount());
    // and the function still works
    assertEquals(3, g.callS64(add, g.val(PrimitiveType.C_INT, 1), g.val(PrimitiveType.C_INT, 2)));
  }

  @Test
  void allocErrors() {
    Resource<Ffi.Alloc> i = g.alloc("c-int");
    Resource<Ffi.Alloc> s = g.alloc("struct{c-int, c-double}");
    Resource<Ffi.Alloc> p = g.alloc("pointer");
    assertTrue(g.err(g.ffi.allocReadStruct(i)).contains("read-struct from an alloc of c-int"));
    assertTrue(
        g.err(g.ffi.allocReadPrimitive(s)).contains("read-primitive from an alloc of struct"));
    assertTrue(g.err(g.ffi.allocReadString(i)).contains("read-string needs an alloc of pointer"));
    assertTrue(
        g.err(g.ffi.allocWriteString(i, "x")).contains("write-string needs an alloc of pointer"));
    assertTrue(g.err(g.ffi.allocWriteString(p, "a\0b")).contains("NUL"));
    Resource<Ffi.OutgoingPrimitive> l = g.ffi.newOutgoingPrimitive(Ffi.PrimitiveType.C_LONG);
    ok(g.ffi.outgoingPrimitiveSetS64(l, 1));
    assertTrue(g.err(g.ffi.allocWritePrimitive(i, l)).contains("expected c-int, got c-long"));
    Resource<Ffi.OutgoingStruct> wrong =
        g.ffi.newOutgoingStruct(List.of(g.val(PrimitiveType.C_INT, 1)));
    assertTrue(g.err(g.ffi.allocWriteStruct(s, wrong)).contains("fields"));
    // a zeroed pointer alloc read as a string: NUL at once, ""
    assertEquals("", ok(g.ffi.allocReadString(p)));
    // reading through a null pointer is an error, not a crash
    Resource<Ffi.IncomingPrimitive> nul = ok(g.ffi.allocReadPrimitive(p));
    Resource<Ffi.Alloc> at0 = ok(g.ffi.incomingPrimitiveGetAlloc(nul));
    assertTrue(g.err(g.ffi.allocReadString(at0)).contains("null pointer"));
    assertTrue(g.err(g.ffi.allocReadPrimitive(at0)).contains("null pointer"));
  }

  @Test
  void fromAllocErrors() {
    // an owned alloc is data, never code
    Resource<Ffi.Alloc> owned = g.alloc("pointer");
    assertTrue(
        g.err(g.dll.functionFromAlloc(owned, List.of(), Optional.empty())).contains("owned alloc"));
    // a non-pointer alloc
    Resource<Ffi.Alloc> counter =
        g.dll.symbolGetAlloc(g.sym(g.open(POINTERS), "counter"), g.type("c-int"));
    assertTrue(
        g.err(g.dll.functionFromAlloc(counter, List.of(), Optional.empty()))
            .contains("alloc of pointer"));
    // the alloc was owned by the call either way
    assertThrows(Trap.class, () -> g.ffi.allocReadPrimitive(counter));
  }

  @Test
  void droppedAllocBehindSetAddrIsAnErrorNotADanglingPointer() {
    Resource<Dll.Library> ptrs = g.open(POINTERS);
    Resource<Dll.Function> isNull = g.fn(ptrs, "is_null", "(pointer) -> c-int");
    Resource<Ffi.Alloc> a = g.alloc("c-int");
    Ffi.OutgoingValue arg = g.addr(a);
    g.ffi.dropAlloc(a);
    assertTrue(g.err(g.dll.functionCall(isNull, List.of(arg))).contains("closed"));
  }

  @Test
  void misuseTheWitCannotExpressTraps() {
    // a handle the host never gave out
    Trap bad = assertThrows(Trap.class, () -> g.dll.libraryGet(new Resource<>(9999), "x"));
    assertTrue(bad.getMessage().contains("unknown host resource"), bad.getMessage());
    // a handle of another resource type
    Resource<Ffi.Alloc> a = g.alloc("c-int");
    Trap wrong = assertThrows(Trap.class, () -> g.dll.libraryGet(new Resource<>(a.rep()), "x"));
    assertTrue(wrong.getMessage().contains("not a Library"), wrong.getMessage());
    // an empty struct type cannot exist and struct-type's constructor has no result
    Trap empty = assertThrows(Trap.class, () -> g.ffi.newStructType(List.of()));
    assertTrue(empty.getMessage().contains("at least one field"), empty.getMessage());
    // using a handle after drop
    g.ffi.dropAlloc(a);
    assertThrows(Trap.class, () -> g.ffi.allocReadPrimitive(a));
    // an instance whose data is not a DlView
    Trap noView = assertThrows(Trap.class, () -> WasiDl.view("not a view"));
    assertTrue(noView.getMessage().contains("DlView"));
  }

  @Test
  void structTypesAreOwnedAndTakenOverByTheirUse() {
    Resource<Ffi.StructType> st = g.ffi.newStructType(List.of(g.type("c-int")));
    ok(g.ffi.allocNew(new Ffi.FfiType.Struct(st)));
    // given up to alloc.new: a second use is a handle the guest no longer has
    assertThrows(Trap.class, () -> g.ffi.allocNew(new Ffi.FfiType.Struct(st)));
    Resource<Ffi.StructType> unused = g.ffi.newStructType(List.of(g.type("c-int")));
    g.ffi.dropStructType(unused);
  }
}
