package dev.wasidl.nativetests;

import static dev.wasidl.ffm.PrimitiveType.C_DOUBLE;
import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.nativetests.Natives.fn;
import static dev.wasidl.nativetests.Natives.ret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.ffm.Callback;
import dev.wasidl.ffm.CallbackException;
import dev.wasidl.ffm.IncomingPrimitive;
import dev.wasidl.ffm.IncomingStruct;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.OutgoingPrimitive;
import dev.wasidl.ffm.OutgoingStruct;
import dev.wasidl.ffm.Signature;
import dev.wasidl.ffm.TypeMismatchException;
import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** C calling Java through function pointers: primitives, structs by value, void, and failures. */
class UpcallTest {
  private static Library lib;

  @BeforeAll
  static void open() {
    lib = Natives.open("wasidl_pointers");
  }

  @AfterAll
  static void close() {
    lib.close();
  }

  @Test
  void intCallback() {
    try (Arena arena = Arena.ofConfined()) {
      Callback times =
          Callback.of(
              Signature.parse("(c-int, c-int) -> c-int"),
              args ->
                  Optional.of(
                      OutgoingPrimitive.ofSigned(
                          C_INT,
                          (long) ((IncomingPrimitive) args.get(0)).getS32()
                              * ((IncomingPrimitive) args.get(1)).getS32())),
              arena);
      assertEquals(
          42,
          ret(fn(lib, "apply", "(pointer, c-int, c-int) -> c-int")
                  .call(
                      times.pointer(),
                      OutgoingPrimitive.ofSigned(C_INT, 6),
                      OutgoingPrimitive.ofSigned(C_INT, 7)))
              .getS32());
    }
  }

  @Test
  void voidCallbackSeesEveryElementInOrder() {
    try (Arena arena = Arena.ofConfined()) {
      List<Integer> seen = new ArrayList<>();
      Callback collect =
          Callback.of(
              Signature.parse("(c-int)"),
              args -> {
                seen.add(((IncomingPrimitive) args.get(0)).getS32());
                return Optional.empty();
              },
              arena);
      var array = arena.allocateFrom(ValueLayout.JAVA_INT, 3, -1, 4, 1, -5);
      fn(lib, "for_each", "(pointer, c-int, pointer)")
          .call(
              OutgoingPrimitive.ofAddress(array),
              OutgoingPrimitive.ofSigned(C_INT, 5),
              collect.pointer());
      assertEquals(List.of(3, -1, 4, 1, -5), seen);
    }
  }

  @Test
  void structByValueInAndOut() {
    try (Arena arena = Arena.ofConfined()) {
      String dd = CStructs.DD.witName();
      Callback scale =
          Callback.of(
              Signature.parse("(" + dd + ") -> " + dd),
              args -> {
                IncomingStruct x = (IncomingStruct) args.get(0);
                return Optional.of(
                    OutgoingStruct.of(
                        OutgoingPrimitive.ofDouble(C_DOUBLE, x.primitive(0).getF64() * 2),
                        OutgoingPrimitive.ofDouble(C_DOUBLE, x.primitive(1).getF64() * 3)));
              },
              arena);
      double r =
          ret(fn(lib, "apply_dd", "(pointer, " + dd + ") -> c-double")
                  .call(
                      scale.pointer(),
                      OutgoingStruct.of(
                          OutgoingPrimitive.ofDouble(C_DOUBLE, 1.5),
                          OutgoingPrimitive.ofDouble(C_DOUBLE, 2))))
              .getF64();
      assertEquals(9.0, r);
    }
  }

  @Test
  void failuresInsideCallbacksComeBackAsExceptions() {
    try (Arena arena = Arena.ofConfined()) {
      // a callback returning the wrong type fails the C call that led to it, not the JVM
      Callback wrong =
          Callback.of(
              Signature.parse("(c-int, c-int) -> c-int"),
              args -> Optional.of(OutgoingPrimitive.ofDouble(C_DOUBLE, 1)),
              arena);
      var apply = fn(lib, "apply", "(pointer, c-int, c-int) -> c-int");
      CallbackException e =
          assertThrows(
              CallbackException.class,
              () ->
                  apply.call(
                      wrong.pointer(),
                      OutgoingPrimitive.ofSigned(C_INT, 1),
                      OutgoingPrimitive.ofSigned(C_INT, 2)));
      assertTrue(e.getCause() instanceof TypeMismatchException, e.toString());
      // and the next call is clean
      Callback fine =
          Callback.of(
              Signature.parse("(c-int, c-int) -> c-int"),
              args -> Optional.of(OutgoingPrimitive.ofSigned(C_INT, 5)),
              arena);
      assertEquals(
          5,
          ret(apply.call(
                  fine.pointer(),
                  OutgoingPrimitive.ofSigned(C_INT, 0),
                  OutgoingPrimitive.ofSigned(C_INT, 0)))
              .getS32());
      assertThrows(
          TypeMismatchException.class,
          () ->
              Callback.of(Signature.parse("(c-int, ... c-int)"), args -> Optional.empty(), arena));
    }
  }
}
