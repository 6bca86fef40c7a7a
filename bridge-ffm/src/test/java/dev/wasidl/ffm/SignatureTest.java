package dev.wasidl.ffm;

import static dev.wasidl.ffm.PrimitiveType.C_DOUBLE;
import static dev.wasidl.ffm.PrimitiveType.C_FLOAT;
import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.ffm.PrimitiveType.C_SCHAR;
import static dev.wasidl.ffm.PrimitiveType.C_SHORT;
import static dev.wasidl.ffm.PrimitiveType.POINTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class SignatureTest {

  @Test
  void textRoundTrips() {
    for (String text :
        new String[] {
          "()",
          "() -> c-int",
          "(c-int, c-int) -> c-int",
          "(pointer, ... c-int, c-double) -> c-int",
          "(pointer, ...)",
          "(struct{c-schar, c-int}, struct{struct{c-float, c-float}, pointer}) -> struct{c-double, c-double}"
        }) {
      assertEquals(text, Signature.parse(text).toString());
    }
    Signature s = Signature.parse("(pointer, ... c-int) -> c-int");
    assertEquals(1, s.firstVariadic().getAsInt());
    assertEquals(Signature.of(C_INT, POINTER, C_INT).withFirstVariadic(1), s);
  }

  @Test
  void parseErrorsNameTheColumn() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Signature.parse("(c-int, c-nope)"));
    assertTrue(e.getMessage().contains("unknown type 'c-nope' at column 9"), e.getMessage());
  }

  @Test
  void variadicArgumentsArePromotedAsInC() {
    Signature s = Signature.of(C_INT, POINTER, C_FLOAT, C_SCHAR, C_SHORT).withFirstVariadic(1);
    var layouts = s.descriptor().argumentLayouts();
    assertEquals(ValueLayout.ADDRESS.withoutName(), layouts.get(0).withoutName());
    assertEquals(C_DOUBLE.layout(), layouts.get(1));
    assertEquals(C_INT.layout(), layouts.get(2));
    assertEquals(C_INT.layout(), layouts.get(3));
    assertThrows(TypeMismatchException.class, () -> Signature.ofVoid(C_INT).withFirstVariadic(2));
  }
}
