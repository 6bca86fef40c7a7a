package dev.wasidl.component;

import static dev.wasidl.component.Wasm.component;
import static dev.wasidl.component.Wasm.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Deeply nested components stop at an implementation limit instead of overflowing the stack. */
class NestingLimitTest {
  private static byte[] nested(int depth) {
    byte[] c = component();
    for (int i = 0; i < depth; i++) {
      c = component(section(4, c));
    }
    return c;
  }

  @Test
  void hundredLevelsDecode() {
    ComponentDef c = ComponentDecoder.decode(nested(100));
    assertEquals(1, c.components().size());
  }

  @Test
  void deeperNestingIsUnsupported() {
    byte[] bytes = nested(5000);
    UnsupportedFeatureException e =
        assertThrows(UnsupportedFeatureException.class, () -> ComponentDecoder.decode(bytes));
    assertTrue(e.getMessage().contains("nested deeper than 100 levels"), e.getMessage());
    assertEquals("component section", e.section());
  }
}
