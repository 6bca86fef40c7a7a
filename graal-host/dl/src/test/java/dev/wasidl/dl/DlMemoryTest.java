package dev.wasidl.dl;

import static dev.wasidl.dl.Guest.ok;
import static dev.wasidl.dl.Guest.prim;
import static dev.wasidl.dl.Guest.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.bindings.Resource;
import dev.wasidl.dl.bindings.wasi.dl.Dll;
import dev.wasidl.dl.bindings.wasi.dl.Ffi;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.nativetests.NativeLibs;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Structs by value both ways, pointers and out-parameters through allocs, strings, function
 * pointers through {@code from-alloc}, and data symbols, against libwasidl_structs.so and
 * libwasidl_pointers.so.
 */
class DlMemoryTest {
  private static final String STRUCTS = NativeLibs.path("wasidl_structs").toString();
  private static final String POINTERS = NativeLibs.path("wasidl_pointers").toString();

  private Guest g;
  private Resource<Dll.Library> structs;
  private Resource<Dll.Library> pointers;

  @BeforeEach
  void open() {
    g = new Guest(DlPolicy.builder().allow(STRUCTS).allow(POINTERS).build());
    structs = g.open(STRUCTS);
    pointers = g.open(POINTERS);
  }

  @AfterEach
  void close() {
    g.close();
  }

  private long s64(Ffi.IncomingValue v) {
    return ok(g.ffi.incomingPrimitiveGetS64(prim(v)));
  }

  private double f64(Ffi.IncomingValue v) {
    return ok(g.ffi.incomingPrimitiveGetF64(prim(v)));
  }

  @Test
  void structsByValueBothWays() {
    // struct CI { char c; int i; }: returned by make_ci, passed to sum_ci and add_ci
    Resource<Dll.Function> make =
        g.fn(structs, "make_ci", "(c-schar, c-int) -> struct{c-schar, c-int}");
    Ffi.IncomingValue ci =
        g.call(make, g.val(PrimitiveType.C_SCHAR, 'x'), g.val(PrimitiveType.C_INT, -7))
            .orElseThrow();
    List<Ffi.IncomingValue> fields = g.ffi.incomingStructFields(struct(ci));
    assertEquals(2, fields.size());
    assertEquals('x', s64(fields.get(0)));
    assertEquals(-7, s64(fields.get(1)));

    Resource<Dll.Function> sum = g.fn(structs, "sum_ci", "(struct{c-schar, c-int}) -> c-double");
    assertEquals(
        3 + 40,
        g.callF64(sum, g.struct(g.val(PrimitiveType.C_SCHAR, 3), g.val(PrimitiveType.C_INT, 40))));

    // struct DD (SSE, SSE) in and out
    Resource<Dll.Function> addDd =
        g.fn(
            structs,
            "add_dd",
            "(struct{c-double, c-double}, struct{c-double, c-double}) -> struct{c-double, c-double}");
    Ffi.IncomingValue dd =
        g.call(
                addDd,
                g.struct(g.dval(PrimitiveType.C_DOUBLE, 1.5), g.dval(PrimitiveType.C_DOUBLE, 2)),
                g.struct(g.dval(PrimitiveType.C_DOUBLE, 0.25), g.dval(PrimitiveType.C_DOUBLE, 8)))
            .orElseThrow();
    List<Ffi.IncomingValue> ddf = g.ffi.incomingStructFields(struct(dd));
    assertEquals(1.75, f64(ddf.get(0)));
    assertEquals(10.0, f64(ddf.get(1)));

    // struct LLL (MEMORY class, hidden return pointer)
    Resource<Dll.Function> makeLll =
        g.fn(structs, "make_lll", "(c-long, c-long, c-long) -> struct{c-long, c-long, c-long}");
    Ffi.IncomingValue lll =
        g.call(
                makeLll,
                g.val(PrimitiveType.C_LONG, 1),
                g.val(PrimitiveType.C_LONG, -2),
                g.val(PrimitiveType.C_LONG, Long.MAX_VALUE))
            .orElseThrow();
    List<Ffi.IncomingValue> lf = g.ffi.incomingStructFields(struct(lll));
    assertEquals(Long.MAX_VALUE, s64(lf.get(2)));

    // nested: struct Outer { struct CI ci; struct DD dd; char tail; }
    String outer = "struct{struct{c-schar, c-int}, struct{c-double, c-double}, c-schar}";
    Resource<Dll.Function> sumOuter = g.fn(structs, "sum_outer", "(" + outer + ") -> c-double");
    double s =
        g.callF64(
            sumOuter,
            g.struct(
                g.struct(g.val(PrimitiveType.C_SCHAR, 1), g.val(PrimitiveType.C_INT, 2)),
                g.struct(g.dval(PrimitiveType.C_DOUBLE, 3), g.dval(PrimitiveType.C_DOUBLE, 4)),
                g.val(PrimitiveType.C_SCHAR, 5)));
    assertEquals(15.0, s);
    Resource<Dll.Function> makeOuter =
        g.fn(
            structs,
            "make_outer",
            "(struct{c-schar, c-int}, struct{c-double, c-double}, c-schar) -> " + outer);
    Ffi.IncomingValue o =
        g.call(
                makeOuter,
                g.struct(g.val(PrimitiveType.C_SCHAR, 1), g.val(PrimitiveType.C_INT, 2)),
                g.struct(g.dval(PrimitiveType.C_DOUBLE, 3), g.dval(PrimitiveType.C_DOUBLE, 4)),
                g.val(PrimitiveType.C_SCHAR, 5))
            .orElseThrow();
    List<Ffi.IncomingValue> of = g.ffi.incomingStructFields(struct(o));
    List<Ffi.IncomingValue> inner = g.ffi.incomingStructFields(struct(of.get(1)));
    assertEquals(4.0, f64(inner.get(1)));
    assertEquals(5, s64(of.get(2)));
  }

  @Test
  void structOutParamAndAllocRoundTrip() {
    Resource<Ffi.Alloc> out = g.alloc("struct{c-double, c-int}");
    Resource<Dll.Function> fill = g.fn(structs, "fill_di", "(pointer, c-double, c-int)");
    assertTrue(
        g.call(
                fill,
                g.addr(out),
                g.dval(PrimitiveType.C_DOUBLE, 2.5),
                g.val(PrimitiveType.C_INT, 9))
            .isEmpty());
    List<Ffi.IncomingValue> f = g.ffi.incomingStructFields(ok(g.ffi.allocReadStruct(out)));
    assertEquals(2.5, f64(f.get(0)));
    assertEquals(9, s64(f.get(1)));

    Resource<Ffi.OutgoingStruct> v =
        g.ffi.newOutgoingStruct(
            List.of(g.dval(PrimitiveType.C_DOUBLE, -1), g.val(PrimitiveType.C_INT, 3)));
    ok(g.ffi.allocWriteStruct(out, v));
    f = g.ffi.incomingStructFields(ok(g.ffi.allocReadStruct(out)));
    assertEquals(-1.0, f64(f.get(0)));
    assertEquals(3, s64(f.get(1)));

    Resource<Ffi.Alloc> i = g.alloc("c-int");
    Resource<Ffi.OutgoingPrimitive> p = g.ffi.newOutgoingPrimitive(Ffi.PrimitiveType.C_INT);
    ok(g.ffi.outgoingPrimitiveSetS32(p, 77));
    ok(g.ffi.allocWritePrimitive(i, p));
    assertEquals(77, ok(g.ffi.incomingPrimitiveGetS32(ok(g.ffi.allocReadPrimitive(i)))));
  }

  @Test
  void pointersAndOutParams() {
    Resource<Ffi.Alloc> q = g.alloc("c-int");
    Resource<Ffi.Alloc> r = g.alloc("c-int");
    Resource<Dll.Function> divmod = g.fn(pointers, "divmod", "(c-int, c-int, pointer, pointer)");
    g.call(
        divmod,
        g.val(PrimitiveType.C_INT, -7),
        g.val(PrimitiveType.C_INT, 2),
        g.addr(q),
        g.addr(r));
    assertEquals(-3, ok(g.ffi.incomingPrimitiveGetS32(ok(g.ffi.allocReadPrimitive(q)))));
    assertEquals(-1, ok(g.ffi.incomingPrimitiveGetS32(ok(g.ffi.allocReadPrimitive(r)))));

    Resource<Dll.Function> isNull = g.fn(pointers, "is_null", "(pointer) -> c-int");
    assertEquals(1, g.callS64(isNull, g.val(PrimitiveType.POINTER, 0)));
    assertEquals(0, g.callS64(isNull, g.addr(q)));
  }

  @Test
  void strings() {
    Resource<Dll.Function> hello = g.fn(pointers, "hello", "() -> pointer");
    Resource<Ffi.Alloc> at = ok(g.ffi.incomingPrimitiveGetAlloc(g.callPrim(hello)));
    assertEquals("hello", ok(g.ffi.allocReadString(at)));

    Resource<Dll.Function> count = g.fn(pointers, "count_char", "(pointer, c-schar) -> c-ulong");
    assertEquals(
        3, g.callU64(count, g.addr(g.string("banana")), g.val(PrimitiveType.C_SCHAR, 'a')));

    Resource<Ffi.Alloc> s = g.string("ab1z");
    g.call(g.fn(pointers, "upcase", "(pointer)"), g.addr(s));
    assertEquals("AB1Z", ok(g.ffi.allocReadString(s)));

    // char** out-parameter: make_greeting("Bob", &out) -> 11, out = malloc'd "Hello, Bob!"
    Resource<Ffi.Alloc> out = g.alloc("pointer");
    Resource<Dll.Function> greet = g.fn(pointers, "make_greeting", "(pointer, pointer) -> c-int");
    assertEquals(11, g.callS64(greet, g.addr(g.string("Bob")), g.addr(out)));
    Resource<Ffi.IncomingPrimitive> ptr = ok(g.ffi.allocReadPrimitive(out));
    assertEquals(
        "Hello, Bob!", ok(g.ffi.allocReadString(ok(g.ffi.incomingPrimitiveGetAlloc(ptr)))));
    // hand the malloc'd pointer back to C: free_str(out)
    g.call(
        g.fn(pointers, "free_str", "(pointer)"),
        g.val(PrimitiveType.POINTER, ok(g.ffi.incomingPrimitiveGetU64(ptr))));

    // returned malloc'd string, UTF-8 both ways
    Resource<Dll.Function> concat = g.fn(pointers, "dup_concat", "(pointer, pointer) -> pointer");
    Resource<Ffi.IncomingPrimitive> c =
        g.callPrim(concat, g.addr(g.string("grüß ")), g.addr(g.string("dich ✓")));
    assertEquals("grüß dich ✓", ok(g.ffi.allocReadString(ok(g.ffi.incomingPrimitiveGetAlloc(c)))));
  }

  @Test
  void functionPointersThroughFromAlloc() {
    // get_op(1) returns a pointer to a subtracting function
    Resource<Dll.Function> getOp = g.fn(pointers, "get_op", "(c-int) -> pointer");
    Resource<Ffi.Alloc> code =
        ok(g.ffi.incomingPrimitiveGetAlloc(g.callPrim(getOp, g.val(PrimitiveType.C_INT, 1))));
    Resource<Dll.Function> sub =
        ok(
            g.dll.functionFromAlloc(
                code,
                g.types(List.of(PrimitiveType.C_INT, PrimitiveType.C_INT)),
                g.type(java.util.Optional.of(PrimitiveType.C_INT))));
    assertEquals(5, g.callS64(sub, g.val(PrimitiveType.C_INT, 7), g.val(PrimitiveType.C_INT, 2)));

    // a function passed as a callback: apply(sub, 10, 4) == 6, the pointer from function.get-alloc
    Resource<Dll.Function> apply = g.fn(pointers, "apply", "(pointer, c-int, c-int) -> c-int");
    Resource<Ffi.Alloc> subAddr = g.dll.functionGetAlloc(sub);
    assertEquals(
        6,
        g.callS64(
            apply, g.addr(subAddr), g.val(PrimitiveType.C_INT, 10), g.val(PrimitiveType.C_INT, 4)));

    // get-alloc then from-alloc of a symbol's function gives the same code
    Resource<Dll.Function> echo = g.fn(pointers, "echo_ptr", "(pointer) -> pointer");
    Resource<Ffi.Alloc> echoAt = g.dll.functionGetAlloc(echo);
    Resource<Dll.Function> echo2 =
        ok(
            g.dll.functionFromAlloc(
                echoAt,
                g.types(List.of(PrimitiveType.POINTER)),
                g.type(java.util.Optional.of(PrimitiveType.POINTER))));
    assertEquals(0x1234, g.callU64(echo2, g.val(PrimitiveType.POINTER, 0x1234)));
  }

  @Test
  void dataSymbols() {
    Resource<Dll.Symbol> counter = g.sym(pointers, "counter");
    Resource<Ffi.Alloc> c = g.dll.symbolGetAlloc(counter, g.type("c-int"));
    int before = ok(g.ffi.incomingPrimitiveGetS32(ok(g.ffi.allocReadPrimitive(c))));
    Resource<Dll.Function> bump = g.fn(pointers, "bump_counter", "() -> c-int");
    assertEquals(before + 1, g.callS64(bump));
    assertEquals(before + 1, ok(g.ffi.incomingPrimitiveGetS32(ok(g.ffi.allocReadPrimitive(c)))));
    Resource<Ffi.OutgoingPrimitive> v = g.ffi.newOutgoingPrimitive(Ffi.PrimitiveType.C_INT);
    ok(g.ffi.outgoingPrimitiveSetS32(v, 1000));
    ok(g.ffi.allocWritePrimitive(c, v));
    assertEquals(1000, g.callS64(g.fn(pointers, "get_counter", "() -> c-int")));

    Resource<Ffi.Alloc> ratio = g.dll.symbolGetAlloc(g.sym(pointers, "ratio"), g.type("c-double"));
    assertEquals(0.5, ok(g.ffi.incomingPrimitiveGetF64(ok(g.ffi.allocReadPrimitive(ratio)))));

    // const char *greeting: the region holds a pointer; read it, then the string it points at
    Resource<Ffi.Alloc> greeting =
        g.dll.symbolGetAlloc(g.sym(pointers, "greeting"), g.type("pointer"));
    Resource<Ffi.Alloc> text =
        ok(g.ffi.incomingPrimitiveGetAlloc(ok(g.ffi.allocReadPrimitive(greeting))));
    assertEquals("hi there", ok(g.ffi.allocReadString(text)));

    // struct CI origin = {'o', 7}
    Resource<Ffi.Alloc> origin =
        g.dll.symbolGetAlloc(g.sym(pointers, "origin"), g.type("struct{c-schar, c-int}"));
    List<Ffi.IncomingValue> f = g.ffi.incomingStructFields(ok(g.ffi.allocReadStruct(origin)));
    assertEquals('o', s64(f.get(0)));
    assertEquals(7, s64(f.get(1)));
  }
}
