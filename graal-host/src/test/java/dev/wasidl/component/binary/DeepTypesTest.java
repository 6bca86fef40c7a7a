package dev.wasidl.component.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.wasidl.component.Component;
import dev.wasidl.component.ComponentException;
import dev.wasidl.component.UnsupportedFeatureException;
import dev.wasidl.types.Type;
import dev.wasidl.types.TypeResolver;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A chain of value types each nesting the one before ({@code list<list<...<u8>>>}), imported as a
 * function's parameter: every later walk of such a type recurses once per level, so the decoder
 * caps the nesting at {@link Scope#MAX_DEPTH}, as it caps components. Before, 20,000 levels made
 * type resolution (and {@code wasidl wit}) die of a StackOverflowError (issue 17).
 */
class DeepTypesTest {
  private static void leb(ByteArrayOutputStream out, long v) {
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
  }

  private static void sleb(ByteArrayOutputStream out, long v) {
    while (true) {
      int b = (int) (v & 0x7f);
      v >>= 7;
      if ((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0)) {
        out.write(b);
        return;
      }
      out.write(b | 0x80);
    }
  }

  private static void section(ByteArrayOutputStream out, int id, ByteArrayOutputStream body) {
    out.write(id);
    leb(out, body.size());
    out.writeBytes(body.toByteArray());
  }

  /** Types 0..levels-1: list<u8>, then list<type i-1>; type levels: func(x: type levels-1). */
  static byte[] chain(int levels) {
    ByteArrayOutputStream types = new ByteArrayOutputStream();
    leb(types, levels + 1);
    types.write(0x70);
    types.write(0x7d);
    for (int i = 1; i < levels; i++) {
      types.write(0x70);
      sleb(types, i - 1);
    }
    types.write(0x40); // func
    leb(types, 1);
    leb(types, 1);
    types.write('x');
    sleb(types, levels - 1);
    types.write(0x01); // no result
    types.write(0x00);
    ByteArrayOutputStream imports = new ByteArrayOutputStream();
    leb(imports, 1);
    imports.write(0x00);
    leb(imports, 1);
    imports.write('f');
    imports.write(0x01); // a function of type...
    leb(imports, levels);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0, 'a', 's', 'm', 0x0d, 0, 0x01, 0});
    section(out, 7, types);
    section(out, 10, imports);
    return out.toByteArray();
  }

  @Test
  void aHundredLevelsDecodeAndResolve() {
    Component c = ComponentReader.read(chain(100));
    Type t = TypeResolver.of(c).funcType(100).params().getFirst().type();
    int levels = 0;
    while (t instanceof dev.wasidl.types.ListType l) {
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
                      () -> ComponentReader.read(chain(levels))));
      assertEquals(
          "unsupported: value type nested deeper than 100 levels (implementation limit) at offset"
              + " "
              + e.offset()
              + " (type section)",
          e.getMessage());
    }
    assertThrows(ComponentException.class, () -> ComponentReader.read(chain(101)));
  }
}
