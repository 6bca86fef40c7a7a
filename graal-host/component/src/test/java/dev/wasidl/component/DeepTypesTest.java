package dev.wasidl.component;

import static dev.wasidl.component.Wasm.bytes;
import static dev.wasidl.component.Wasm.cat;
import static dev.wasidl.component.Wasm.component;
import static dev.wasidl.component.Wasm.externName;
import static dev.wasidl.component.Wasm.name;
import static dev.wasidl.component.Wasm.s33;
import static dev.wasidl.component.Wasm.section;
import static dev.wasidl.component.Wasm.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.wasidl.types.ListType;
import dev.wasidl.types.Type;
import dev.wasidl.types.TypeResolver;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A chain of value types each nesting the one before ({@code list<list<...<u8>>>}), imported as a
 * function's parameter: every later walk of such a type recurses once per level, so the decoder
 * caps the nesting at 100 levels, as it caps components. Before, 20,000 levels made type resolution
 * (and {@code wasidl wit}) die of a StackOverflowError (issue 17).
 */
class DeepTypesTest {
  /** Types 0..levels-1: list<u8>, then list<type i-1>; type levels: func(x: type levels-1). */
  static byte[] chain(int levels) {
    ByteArrayOutputStream types = new ByteArrayOutputStream();
    types.writeBytes(u32(levels + 1));
    types.writeBytes(bytes(0x70, 0x7d));
    for (int i = 1; i < levels; i++) {
      types.writeBytes(cat(bytes(0x70), s33(i - 1)));
    }
    // func(x: type levels-1), no result
    types.writeBytes(cat(bytes(0x40), u32(1), name("x"), s33(levels - 1), bytes(0x01, 0x00)));
    byte[] imports = cat(u32(1), externName("f"), bytes(0x01), u32(levels));
    return component(section(7, types.toByteArray()), section(10, imports));
  }

  @Test
  void aHundredLevelsDecodeAndResolve() {
    ComponentDef c = ComponentDecoder.decode(chain(100));
    Type t = TypeResolver.of(c).funcType(100).params().getFirst().type();
    int levels = 0;
    while (t instanceof ListType l) {
      t = l.element();
      levels++;
    }
    assertEquals(100, levels);
  }

  @Test
  void deeperChainsAreRefusedAtOnce() {
    for (int levels : new int[] {101, 20_000}) {
      UnsupportedFeatureException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(1),
              () ->
                  assertThrows(
                      UnsupportedFeatureException.class,
                      () -> ComponentDecoder.decode(chain(levels))));
      assertEquals(
          "unsupported: value type nested deeper than 100 levels (implementation limit) at offset"
              + " "
              + e.offset()
              + " (type section)",
          e.getMessage());
    }
  }
}
