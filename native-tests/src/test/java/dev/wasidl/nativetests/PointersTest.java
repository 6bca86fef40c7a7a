package dev.wasidl.nativetests;

import static dev.wasidl.ffm.PrimitiveType.C_DOUBLE;
import static dev.wasidl.ffm.PrimitiveType.C_FLOAT;
import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.ffm.PrimitiveType.C_LONG_LONG;
import static dev.wasidl.ffm.PrimitiveType.C_SCHAR;
import static dev.wasidl.ffm.PrimitiveType.C_SHORT;
import static dev.wasidl.ffm.PrimitiveType.POINTER;
import static dev.wasidl.nativetests.Natives.fn;
import static dev.wasidl.nativetests.Natives.ret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.ffm.Alloc;
import dev.wasidl.ffm.CallOption;
import dev.wasidl.ffm.CallResult;
import dev.wasidl.ffm.Dll;
import dev.wasidl.ffm.Function;
import dev.wasidl.ffm.IncomingPrimitive;
import dev.wasidl.ffm.IncomingStruct;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.OpenFlags;
import dev.wasidl.ffm.OutOfBoundsException;
import dev.wasidl.ffm.OutgoingPrimitive;
import dev.wasidl.ffm.OutgoingStruct;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Signature;
import dev.wasidl.ffm.Symbol;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Strings, out-params, function pointers, data symbols, errno and varargs (libwasidl_pointers). */
class PointersTest {
  private static Library lib;

  @BeforeAll
  static void open() {
    lib = Natives.open("wasidl_pointers");
  }

  @AfterAll
  static void close() {
    lib.close();
  }

  private static Alloc string(String s) {
    Alloc a = Alloc.allocate(POINTER);
    a.writeString(s);
    return a;
  }

  @Test
  void theRfcExampleHello() {
    // the proposal's own example: open {prefix}hello{suffix} by relative path, call, read the
    // string
    String dir = NativeLibs.dir().toString();
    String name = dir + "/" + Dll.prefix() + "wasidl_pointers" + Dll.suffix();
    try (Library l = Library.open(Optional.of(name), OpenFlags.NOW);
        Symbol sym = l.get("hello")) {
      Function hello = sym.getFunction(List.of(), Optional.of(POINTER));
      IncomingPrimitive res = ret(hello.call(List.of()));
      assertEquals("hello", res.getAlloc().readString());
    }
  }

  @Test
  void stringsInAndOut() {
    try (Alloc banana = string("banana");
        Alloc text = string("ab1z");
        Alloc foo = string("foo");
        Alloc bar = string("bar")) {
      assertEquals(
          3,
          ret(fn(lib, "count_char", "(pointer, c-schar) -> c-ulong")
                  .call(
                      OutgoingPrimitive.ofAddress(banana),
                      OutgoingPrimitive.ofSigned(C_SCHAR, 'a')))
              .getU64());
      fn(lib, "upcase", "(pointer)").call(OutgoingPrimitive.ofAddress(text));
      assertEquals("AB1Z", text.readString());
      IncomingPrimitive joined =
          ret(
              fn(lib, "dup_concat", "(pointer, pointer) -> pointer")
                  .call(OutgoingPrimitive.ofAddress(foo), OutgoingPrimitive.ofAddress(bar)));
      assertEquals("foobar", joined.getAlloc().readString());
      fn(lib, "free_str", "(pointer)").call(OutgoingPrimitive.ofAddress(joined.getU64()));
    }
  }

  @Test
  void outParameters() {
    try (Alloc q = Alloc.allocate(C_INT);
        Alloc r = Alloc.allocate(C_INT);
        Alloc name = string("Bob");
        Alloc out = Alloc.allocate(POINTER)) {
      fn(lib, "divmod", "(c-int, c-int, pointer, pointer)")
          .call(
              OutgoingPrimitive.ofSigned(C_INT, -7),
              OutgoingPrimitive.ofSigned(C_INT, 2),
              OutgoingPrimitive.ofAddress(q),
              OutgoingPrimitive.ofAddress(r));
      assertEquals(-3, q.readPrimitive().getS32());
      assertEquals(-1, r.readPrimitive().getS32());
      // char** out-param: pass a pointer-typed alloc, then
      // read-primitive().get-alloc().read-string()
      int n =
          ret(fn(lib, "make_greeting", "(pointer, pointer) -> c-int")
                  .call(OutgoingPrimitive.ofAddress(name), OutgoingPrimitive.ofAddress(out)))
              .getS32();
      assertEquals(11, n);
      IncomingPrimitive greeting = out.readPrimitive();
      assertEquals("Hello, Bob!", greeting.getAlloc().readString());
      fn(lib, "free_str", "(pointer)").call(OutgoingPrimitive.ofAddress(greeting.getU64()));
    }
  }

  @Test
  void functionPointersFromAFunction() {
    Function getOp = fn(lib, "get_op", "(c-int) -> pointer");
    Signature binary = Signature.parse("(c-int, c-int) -> c-int");
    int[] expected = {9, 3, 18};
    for (int which = 0; which < 3; which++) {
      Alloc code = ret(getOp.call(OutgoingPrimitive.ofSigned(C_INT, which))).getAlloc();
      Function op = Function.fromAlloc(code, binary);
      assertEquals(
          expected[which],
          ret(op.call(OutgoingPrimitive.ofSigned(C_INT, 6), OutgoingPrimitive.ofSigned(C_INT, 3)))
              .getS32());
      assertEquals(op.address(), op.getAlloc().address());
    }
    Alloc none = ret(getOp.call(OutgoingPrimitive.ofSigned(C_INT, 7))).getAlloc();
    assertThrows(OutOfBoundsException.class, () -> Function.fromAlloc(none, binary));
  }

  @Test
  void globalDataThroughSymbols() {
    try (Symbol counterSym = lib.get("counter");
        Symbol ratioSym = lib.get("ratio");
        Symbol greetingSym = lib.get("greeting");
        Symbol originSym = lib.get("origin")) {
      Alloc counter = counterSym.getAlloc(C_INT);
      Function bump = fn(lib, "bump_counter", "() -> c-int");
      Function getCounter = fn(lib, "get_counter", "() -> c-int");
      int before = counter.readPrimitive().getS32();
      assertEquals(before + 1, ret(bump.call()).getS32());
      assertEquals(before + 1, counter.readPrimitive().getS32());
      counter.writePrimitive(OutgoingPrimitive.ofSigned(C_INT, 1000));
      assertEquals(1000, ret(getCounter.call()).getS32());
      assertEquals(1001, ret(bump.call()).getS32());

      Alloc ratio = ratioSym.getAlloc(C_DOUBLE);
      ratio.writePrimitive(OutgoingPrimitive.ofDouble(C_DOUBLE, 0.25));
      assertEquals(0.25, ret(fn(lib, "get_ratio", "() -> c-double").call()).getF64());
      ratio.writePrimitive(OutgoingPrimitive.ofDouble(C_DOUBLE, 0.5));

      Alloc greeting = greetingSym.getAlloc(POINTER);
      assertEquals("hi there", greeting.readPrimitive().getAlloc().readString());

      IncomingStruct origin = originSym.getAlloc(CStructs.CI).readStruct();
      assertEquals('o', origin.primitive(0).getS8());
      assertEquals(7, origin.primitive(1).getS32());
      IncomingStruct viaCall =
          (IncomingStruct)
              fn(lib, "get_origin", "() -> " + CStructs.CI.witName()).call().orElseThrow();
      assertEquals(origin, viaCall);
    }
  }

  @Test
  void errnoSetByACall() {
    try (Symbol s = lib.get("fail_with")) {
      Function fail = s.function(Signature.parse("(c-int) -> c-int"), CallOption.CAPTURE_ERRNO);
      CallResult r = fail.callCapturingErrno(List.of(OutgoingPrimitive.ofSigned(C_INT, 34)));
      assertEquals(-1, ((IncomingPrimitive) r.value().orElseThrow()).getS32());
      assertEquals(34, r.errno()); // ERANGE
    }
  }

  @Test
  void variadicFunctions() {
    Function sumInts = fn(lib, "sum_ints", "(c-int, ... c-int, c-int, c-int) -> c-int");
    assertEquals(
        6,
        ret(sumInts.call(
                OutgoingPrimitive.ofSigned(C_INT, 3),
                OutgoingPrimitive.ofSigned(C_INT, 1),
                OutgoingPrimitive.ofSigned(C_INT, 2),
                OutgoingPrimitive.ofSigned(C_INT, 3)))
            .getS32());
    // narrow integers are promoted to int, floats to double, as C does for varargs
    Function promoted = fn(lib, "sum_ints", "(c-int, ... c-schar, c-short) -> c-int");
    assertEquals(
        -123,
        ret(promoted.call(
                OutgoingPrimitive.ofSigned(C_INT, 2),
                OutgoingPrimitive.ofSigned(C_SCHAR, -128),
                OutgoingPrimitive.ofSigned(C_SHORT, 5)))
            .getS32());
    Function sumDoubles = fn(lib, "sum_doubles", "(c-int, ... c-double, c-float) -> c-double");
    assertEquals(
        0.75,
        ret(sumDoubles.call(
                OutgoingPrimitive.ofSigned(C_INT, 2),
                OutgoingPrimitive.ofDouble(C_DOUBLE, 0.5),
                OutgoingPrimitive.ofFloat(C_FLOAT, 0.25f)))
            .getF64());
    try (Alloc fmt = string("ild")) {
      Function mixed =
          fn(lib, "sum_mixed", "(pointer, ... c-int, c-long-long, c-double) -> c-long-long");
      assertEquals(
          6,
          ret(mixed.call(
                  OutgoingPrimitive.ofAddress(fmt),
                  OutgoingPrimitive.ofSigned(C_INT, 1),
                  OutgoingPrimitive.ofSigned(C_LONG_LONG, 2),
                  OutgoingPrimitive.ofDouble(C_DOUBLE, 3.9)))
              .getS64());
    }
  }

  @Test
  void rawPointers() {
    Function isNull = fn(lib, "is_null", "(pointer) -> c-int");
    Function echo = fn(lib, "echo_ptr", "(pointer) -> pointer");
    assertEquals(1, ret(isNull.call(OutgoingPrimitive.NULL)).getS32());
    try (Alloc a = Alloc.allocate(PrimitiveType.C_LONG)) {
      assertEquals(0, ret(isNull.call(OutgoingPrimitive.ofAddress(a))).getS32());
      assertEquals(a.address(), ret(echo.call(OutgoingPrimitive.ofAddress(a))).getU64());
    }
    assertTrue(echo.hasRawPath());
    assertEquals(0xabcdef0L, echo.invokeRaw(new long[] {0xabcdef0L}));
    // an outgoing struct can carry pointers to allocs too
    OutgoingStruct s = OutgoingStruct.of(OutgoingPrimitive.NULL, OutgoingPrimitive.NULL);
    assertEquals(2, s.fields().size());
  }
}
