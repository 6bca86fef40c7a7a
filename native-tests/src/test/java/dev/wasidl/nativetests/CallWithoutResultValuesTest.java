package dev.wasidl.nativetests;

import static dev.wasidl.ffm.PrimitiveType.C_DOUBLE;
import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.ffm.PrimitiveType.C_LONG;
import static dev.wasidl.ffm.PrimitiveType.C_SCHAR;
import static dev.wasidl.nativetests.Natives.dd;
import static dev.wasidl.nativetests.Natives.fn;
import static dev.wasidl.nativetests.Natives.leaves;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasidl.ffm.Alloc;
import dev.wasidl.ffm.CallOption;
import dev.wasidl.ffm.Callback;
import dev.wasidl.ffm.ClosedException;
import dev.wasidl.ffm.Function;
import dev.wasidl.ffm.IncomingPrimitive;
import dev.wasidl.ffm.IncomingStruct;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.OutgoingPrimitive;
import dev.wasidl.ffm.OutgoingStruct;
import dev.wasidl.ffm.OutgoingValue;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Signature;
import dev.wasidl.ffm.StructType;
import dev.wasidl.ffm.TypeMismatchException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Function#callBits} and {@link Function#callInto}, the typed calls that build no result
 * value: each must give what {@link Function#call} gives, refuse what it cannot hold, and keep the
 * scratch frames of re-entrant calls apart.
 */
class CallWithoutResultValuesTest {
  private static final String DD = CStructs.DD.witName();
  private static final String CCC = "struct{c-schar, c-schar, c-schar}";
  private static Library prims;
  private static Library structs;
  private static Library pointers;

  @BeforeAll
  static void open() {
    prims = Natives.open("wasidl_prims");
    structs = Natives.open("wasidl_structs");
    pointers = Natives.open("wasidl_pointers");
  }

  @AfterAll
  static void close() {
    pointers.close();
    structs.close();
    prims.close();
  }

  private static OutgoingStruct ccc(int a, int b, int c) {
    return OutgoingStruct.of(
        OutgoingPrimitive.ofSigned(C_SCHAR, a),
        OutgoingPrimitive.ofSigned(C_SCHAR, b),
        OutgoingPrimitive.ofSigned(C_SCHAR, c));
  }

  @Test
  void callBitsGivesTheBitsOfCallsResult() {
    Function add = fn(prims, "add", "(c-int, c-int) -> c-int");
    List<OutgoingValue> args =
        List.of(OutgoingPrimitive.ofSigned(C_INT, -40), OutgoingPrimitive.ofSigned(C_INT, 2));
    assertEquals(-38, add.callBits(args));
    assertEquals(((IncomingPrimitive) add.call(args).orElseThrow()).bits(), add.callBits(args));
    Function mix = fn(prims, "mix", "(c-double, c-int, c-long, c-float) -> c-double");
    List<OutgoingValue> mixed =
        List.of(
            OutgoingPrimitive.ofDouble(C_DOUBLE, 1.5),
            OutgoingPrimitive.ofSigned(C_INT, 2),
            OutgoingPrimitive.ofSigned(C_LONG, 3),
            OutgoingPrimitive.ofFloat(PrimitiveType.C_FLOAT, 0.25f));
    assertEquals(((IncomingPrimitive) mix.call(mixed).orElseThrow()).bits(), mix.callBits(mixed));
    assertEquals(0, fn(prims, "noop", "()").callBits(List.of()), "void gives 0");
  }

  @Test
  void callBitsOfStructArgumentsTakesTheFramePath() {
    Function sumDd = fn(structs, "sum_dd", "(" + DD + ") -> c-double");
    assertEquals(Double.doubleToRawLongBits(4.0), sumDd.callBits(List.of(dd(1.5, 2.5))));
    Function sumCcc = fn(structs, "sum_ccc", "(" + CCC + ") -> c-double");
    assertEquals(Double.doubleToRawLongBits(-6.0), sumCcc.callBits(List.of(ccc(-1, -2, -3))));
  }

  @Test
  void callBitsOfAnErrnoCapturingFunction() {
    Function fail =
        pointers
            .get("fail_with")
            .function(Signature.parse("(c-int) -> c-int"), CallOption.CAPTURE_ERRNO);
    assertEquals(-1, fail.callBits(List.of(OutgoingPrimitive.ofSigned(C_INT, 34))));
  }

  @Test
  void callBitsRefusesAStructResult() {
    Function addDd = fn(structs, "add_dd", "(" + DD + ", " + DD + ") -> " + DD);
    TypeMismatchException e =
        assertThrows(
            TypeMismatchException.class, () -> addDd.callBits(List.of(dd(1, 2), dd(3, 4))));
    assertEquals(
        "callBits needs a primitive or void result, not " + DD + " " + addDd.signature(),
        e.getMessage());
  }

  @Test
  void callIntoStoresAStructResultInAnOwnedAlloc() {
    Function addDd = fn(structs, "add_dd", "(" + DD + ", " + DD + ") -> " + DD);
    Function addCcc = fn(structs, "add_ccc", "(" + CCC + ", " + CCC + ") -> " + CCC);
    StructType dd = (StructType) addDd.signature().result().orElseThrow();
    try (Alloc out = Alloc.allocate(dd);
        Alloc small = Alloc.allocate(addCcc.signature().result().orElseThrow())) {
      for (int i = 0; i < 100; i++) {
        addDd.callInto(List.of(dd(1.5, i), dd(0.25, 4)), out);
        addCcc.callInto(List.of(ccc(1, 2, i % 60), ccc(10, 20, 30)), small);
        assertEquals(List.of(1.75, i + 4.0), leaves(out.readStruct()));
        assertEquals(List.of(11.0, 22.0, 30.0 + i % 60), leaves(small.readStruct()));
      }
      assertEquals(
          addDd.call(dd(1, 2), dd(3, 4)).orElseThrow(),
          readAfterInto(addDd, List.of(dd(1, 2), dd(3, 4)), out));
    }
  }

  private static IncomingStruct readAfterInto(Function f, List<OutgoingValue> args, Alloc out) {
    f.callInto(args, out);
    return out.readStruct();
  }

  @Test
  void callIntoAForeignAllocWritesItsMemory() {
    Function addDd = fn(structs, "add_dd", "(" + DD + ", " + DD + ") -> " + DD);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment memory = arena.allocate(16, 8);
      try (Alloc foreign = Alloc.at(memory, addDd.signature().result().orElseThrow())) {
        addDd.callInto(List.of(dd(1, 2), dd(3, 4)), foreign);
      }
      assertEquals(4.0, memory.get(ValueLayout.JAVA_DOUBLE, 0));
      assertEquals(6.0, memory.get(ValueLayout.JAVA_DOUBLE, 8));
    }
  }

  @Test
  void callIntoStoresAPrimitiveResult() {
    Function add = fn(prims, "add", "(c-int, c-int) -> c-int");
    try (Alloc out = Alloc.allocate(C_INT)) {
      add.callInto(
          List.of(OutgoingPrimitive.ofSigned(C_INT, 40), OutgoingPrimitive.ofSigned(C_INT, 2)),
          out);
      assertEquals(42, out.readPrimitive().getS32());
    }
  }

  @Test
  void callIntoRefusesAnAllocOfAnotherTypeAVoidFunctionAndAClosedAlloc() {
    Function addDd = fn(structs, "add_dd", "(" + DD + ", " + DD + ") -> " + DD);
    List<OutgoingValue> args = List.of(dd(1, 2), dd(3, 4));
    try (Alloc wrong = Alloc.allocate(C_DOUBLE)) {
      TypeMismatchException e =
          assertThrows(TypeMismatchException.class, () -> addDd.callInto(args, wrong));
      assertEquals(
          "callInto needs an alloc of the result type " + DD + ", not c-double", e.getMessage());
      TypeMismatchException v =
          assertThrows(
              TypeMismatchException.class,
              () -> fn(prims, "noop", "()").callInto(List.of(), wrong));
      assertEquals(
          "callInto needs an alloc of the result type (the function returns nothing), not"
              + " c-double",
          v.getMessage());
    }
    Alloc closed = Alloc.allocate(addDd.signature().result().orElseThrow());
    closed.close();
    ClosedException c = assertThrows(ClosedException.class, () -> addDd.callInto(args, closed));
    assertEquals("alloc of " + DD + " was closed", c.getMessage());
  }

  @Test
  void aStructArgumentWithAFieldOfAnotherTypeIsRefusedBeforeCRuns() {
    Function addDd = fn(structs, "add_dd", "(" + DD + ", " + DD + ") -> " + DD);
    StructType dd = (StructType) addDd.signature().result().orElseThrow();
    OutgoingStruct halfInt =
        OutgoingStruct.of(
            OutgoingPrimitive.ofDouble(C_DOUBLE, 3), OutgoingPrimitive.ofSigned(C_INT, 4));
    List<OutgoingValue> args = List.of(dd(1, 2), halfInt);
    String expected = "argument 1 field 1: expected c-double, got c-int";
    try (Alloc out = Alloc.allocate(dd)) {
      out.writeStruct(dd(7, 8));
      assertEquals(
          expected,
          assertThrows(TypeMismatchException.class, () -> addDd.callInto(args, out)).getMessage());
      assertEquals(List.of(7.0, 8.0), leaves(out.readStruct()), "the result alloc is untouched");
      assertEquals(
          expected, assertThrows(TypeMismatchException.class, () -> addDd.call(args)).getMessage());
      // a field count that differs, and a primitive where the struct goes
      assertEquals(
          "argument 0: expected " + DD + " with 2 fields, got 1",
          assertThrows(
                  TypeMismatchException.class,
                  () ->
                      addDd.callInto(
                          List.of(
                              OutgoingStruct.of(OutgoingPrimitive.ofDouble(C_DOUBLE, 1)), dd(1, 2)),
                          out))
              .getMessage());
      assertEquals(
          "argument 1: expected " + DD + ", got c-double",
          assertThrows(
                  TypeMismatchException.class,
                  () -> addDd.call(List.of(dd(1, 2), OutgoingPrimitive.ofDouble(C_DOUBLE, 1))))
              .getMessage());
      // the scratch frames of the refused calls were released: calls go on as before
      addDd.callInto(List.of(dd(1, 2), dd(3, 4)), out);
      assertEquals(List.of(4.0, 6.0), leaves(out.readStruct()));
    }
  }

  @Test
  void aCallbackClosingTheResultAllocMakesCallIntoAClosedExceptionNotAWrite() {
    Function mapDd = fn(pointers, "map_dd", "(pointer, " + DD + ") -> " + DD);
    Function addDd = fn(structs, "add_dd", "(" + DD + ", " + DD + ") -> " + DD);
    StructType dd = (StructType) mapDd.signature().result().orElseThrow();
    try (Arena arena = Arena.ofConfined();
        Alloc kept = Alloc.allocate(dd)) {
      Alloc[] target = new Alloc[1];
      // the callback closes the alloc the call's result is going to, then makes a struct call of
      // its own (whose result must not land in the outer alloc either)
      Callback cb =
          Callback.of(
              Signature.parse("(" + DD + ") -> " + DD),
              a -> {
                target[0].close();
                List<Double> x = leaves(a.get(0));
                List<Double> sum =
                    leaves(addDd.call(List.of(dd(x.get(0), x.get(1)), dd(1, 1))).orElseThrow());
                return Optional.of(dd(sum.get(0), sum.get(1)));
              },
              arena);
      for (int round = 0; round < 3; round++) {
        target[0] = Alloc.allocate(dd);
        Alloc closing = target[0];
        ClosedException e =
            assertThrows(
                ClosedException.class,
                () -> mapDd.callInto(List.of(cb.pointer(), dd(5, 6)), closing));
        assertEquals("alloc of " + DD + " was closed", e.getMessage());
        // the JVM goes on, and an open alloc gets the result
        target[0] = Alloc.allocate(dd);
        mapDd.callInto(List.of(cb.pointer(), dd(5, 6)), kept);
        assertEquals(List.of(6.0, 7.0), leaves(kept.readStruct()));
      }
    }
  }

  @Test
  void aCallbackUsingCallIntoDuringAStructCallSeesItsOwnFrames() {
    Function addDd = fn(structs, "add_dd", "(" + DD + ", " + DD + ") -> " + DD);
    Function applyDd = fn(pointers, "apply_dd", "(pointer, " + DD + ") -> c-double");
    StructType dd = (StructType) addDd.signature().result().orElseThrow();
    try (Arena arena = Arena.ofConfined();
        Alloc inner = Alloc.allocate(dd);
        Alloc outer = Alloc.allocate(dd)) {
      List<String> failures = new ArrayList<>();
      Callback[] self = new Callback[1];
      int[] depth = {0};
      // cb(x) = x + {1, 2} through add_dd.callInto; up to depth 3 it runs apply_dd(cb, 10x) too
      self[0] =
          Callback.of(
              Signature.parse("(" + DD + ") -> " + DD),
              args -> {
                List<Double> x = leaves(args.get(0));
                depth[0]++;
                try {
                  if (depth[0] < 4) {
                    long bits =
                        applyDd.callBits(
                            List.of(self[0].pointer(), dd(x.get(0) * 10, x.get(1) * 10)));
                    double expected = x.get(0) * 10 + 1 + x.get(1) * 10 + 2;
                    if (Double.longBitsToDouble(bits) != expected) {
                      failures.add("depth " + depth[0] + ": " + bits + " != " + expected);
                    }
                  }
                  addDd.callInto(List.of(dd(x.get(0), x.get(1)), dd(1, 2)), inner);
                  List<Double> sum = leaves(inner.readStruct());
                  return Optional.of(dd(sum.get(0), sum.get(1)));
                } finally {
                  depth[0]--;
                }
              },
              arena);
      for (int round = 0; round < 50; round++) {
        long bits = applyDd.callBits(List.of(self[0].pointer(), dd(10, 20)));
        assertEquals(10 + 1 + 20 + 2, Double.longBitsToDouble(bits));
        assertEquals(List.of(), failures);
        addDd.callInto(List.of(dd(1, 2), dd(2, 3)), outer);
        assertEquals(List.of(3.0, 5.0), leaves(outer.readStruct()));
      }
    }
  }
}
