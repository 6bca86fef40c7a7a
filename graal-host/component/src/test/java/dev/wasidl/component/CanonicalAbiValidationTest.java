package dev.wasidl.component;

import static dev.wasidl.component.Wasm.bytes;
import static dev.wasidl.component.Wasm.cat;
import static dev.wasidl.component.Wasm.component;
import static dev.wasidl.component.Wasm.coreModule;
import static dev.wasidl.component.Wasm.externName;
import static dev.wasidl.component.Wasm.name;
import static dev.wasidl.component.Wasm.section;
import static dev.wasidl.component.Wasm.u32;
import static dev.wasidl.component.Wasm.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code canon lift}/{@code canon lower} checked against the Canonical ABI's flattening. */
class CanonicalAbiValidationTest {
  static final int I32 = 0x7f;
  static final int I64 = 0x7e;
  static final int F64 = 0x7c;

  /**
   * A core module exporting "memory", "realloc" ([i32 x4] -> [i32]) and "f" of the given core type,
   * instantiated as core instance 0; core func 0 = f, core memory 0, core func 1 = realloc.
   */
  private static byte[] prelude(byte[] params, byte[] results) {
    byte[] module =
        coreModule(
            section(
                1,
                vec(
                    cat(bytes(0x60), types(params), types(results)),
                    cat(
                        bytes(0x60),
                        vec(bytes(I32), bytes(I32), bytes(I32), bytes(I32)),
                        vec(bytes(I32))))),
            section(3, vec(u32(0), u32(1))),
            section(5, vec(bytes(0x00, 0x01))),
            section(
                7,
                vec(
                    cat(name("f"), bytes(0x00, 0x00)),
                    cat(name("realloc"), bytes(0x00, 0x01)),
                    cat(name("memory"), bytes(0x02, 0x00)))),
            section(10, vec(body(results), cat(u32(4), bytes(0x00, 0x41, 0x00, 0x0b)))));
    byte[] aliases =
        vec(
            cat(bytes(0x00, 0x00, 0x01), u32(0), name("f")),
            cat(bytes(0x00, 0x02, 0x01), u32(0), name("memory")),
            cat(bytes(0x00, 0x00, 0x01), u32(0), name("realloc")));
    return cat(
        section(1, module), section(2, vec(cat(bytes(0x00), u32(0), vec()))), section(6, aliases));
  }

  /** A vector of core value types, one byte each. */
  private static byte[] types(byte[] valTypes) {
    return cat(u32(valTypes.length), valTypes);
  }

  /** A function body returning zeros of the result types. */
  private static byte[] body(byte[] results) {
    byte[] code = bytes(0x00);
    for (byte r : results) {
      code =
          cat(
              code,
              switch (r) {
                case (byte) I64 -> bytes(0x42, 0x00);
                case (byte) F64 -> bytes(0x44, 0, 0, 0, 0, 0, 0, 0, 0);
                default -> bytes(0x41, 0x00);
              });
    }
    code = cat(code, bytes(0x0b));
    return cat(u32(code.length), code);
  }

  private static byte[] funcType(byte[] params, byte[] result) {
    return cat(bytes(0x40), params, result == null ? bytes(0x01, 0x00) : cat(bytes(0x00), result));
  }

  private static byte[] lift(byte[]... opts) {
    return liftType(0, opts);
  }

  private static byte[] liftType(int type, byte[]... opts) {
    return cat(bytes(0x00, 0x00), u32(0), vec(opts), u32(type));
  }

  private static InvalidComponentException invalid(byte[] bytes) {
    return assertThrows(InvalidComponentException.class, () -> ComponentDecoder.decode(bytes));
  }

  @Test
  void liftMatchingSignature() {
    // (func (param "a" u32) (param "b" f64) (result s64)) lifts [i32 f64] -> [i64]
    byte[] type =
        funcType(vec(cat(name("a"), bytes(0x79)), cat(name("b"), bytes(0x75))), bytes(0x78));
    ComponentDef c =
        ComponentDecoder.decode(
            component(
                prelude(bytes(I32, F64), bytes(I64)),
                section(7, vec(type)),
                section(8, vec(lift()))));
    assertEquals(1, c.canonicalFunctions().size());
  }

  @Test
  void liftMismatchedSignature() {
    byte[] type = funcType(vec(cat(name("a"), bytes(0x79))), bytes(0x79));
    InvalidComponentException e =
        invalid(
            component(
                prelude(bytes(I32), bytes()), section(7, vec(type)), section(8, vec(lift()))));
    assertTrue(
        e.getMessage()
            .contains(
                "canon lift callee core func 0 has type [I32] -> [], expected [I32] -> [I32]"),
        e.getMessage());
    assertEquals("canon section", e.section());
  }

  @Test
  void liftOfVariantUsesJoin() {
    // variant { a(f64), b(u32), c } flattens to [i32, i64]; option<f32> ... result: [i32 i64] -> []
    byte[] variant =
        cat(
            bytes(0x71),
            vec(
                cat(name("a"), bytes(0x01, 0x75, 0x00)),
                cat(name("b"), bytes(0x01, 0x79, 0x00)),
                cat(name("c"), bytes(0x00, 0x00))));
    byte[] type = funcType(vec(cat(name("v"), u32(0))), null);
    ComponentDecoder.decode(
        component(
            prelude(bytes(I32, I64), bytes()),
            section(7, vec(variant, type)),
            section(8, vec(liftType(1)))));
    // with an f32 payload and a u32 payload the join is i32: [i32 i32] would not match [i32 i64]
    byte[] narrow =
        cat(
            bytes(0x71),
            vec(cat(name("a"), bytes(0x01, 0x76, 0x00)), cat(name("b"), bytes(0x01, 0x79, 0x00))));
    invalid(
        component(
            prelude(bytes(I32, I64), bytes()),
            section(7, vec(narrow, type)),
            section(8, vec(liftType(1)))));
  }

  @Test
  void liftStringParameterNeedsRealloc() {
    byte[] type = funcType(vec(cat(name("s"), bytes(0x73))), null);
    byte[] memory = cat(bytes(0x03), u32(0));
    byte[] realloc = cat(bytes(0x04), u32(1));
    InvalidComponentException e =
        invalid(
            component(
                prelude(bytes(I32, I32), bytes()),
                section(7, vec(type)),
                section(8, vec(lift(memory)))));
    assertTrue(e.getMessage().contains("needs the realloc option"), e.getMessage());
    ComponentDecoder.decode(
        component(
            prelude(bytes(I32, I32), bytes()),
            section(7, vec(type)),
            section(8, vec(lift(memory, realloc)))));
  }

  @Test
  void liftStringResultNeedsMemoryAndReturnsAPointer() {
    byte[] type = funcType(vec(), bytes(0x73));
    InvalidComponentException e =
        invalid(
            component(
                prelude(bytes(), bytes(I32)), section(7, vec(type)), section(8, vec(lift()))));
    assertTrue(e.getMessage().contains("needs the memory option"), e.getMessage());
  }

  @Test
  void reallocNeedsMemory() {
    byte[] type = funcType(vec(), null);
    InvalidComponentException e =
        invalid(
            component(
                prelude(bytes(), bytes()),
                section(7, vec(type)),
                section(8, vec(lift(cat(bytes(0x04), u32(1)))))));
    assertTrue(e.getMessage().contains("realloc needs the memory option"), e.getMessage());
  }

  @Test
  void reallocMustHaveReallocType() {
    byte[] type = funcType(vec(), null);
    InvalidComponentException e =
        invalid(
            component(
                prelude(bytes(), bytes()),
                section(7, vec(type)),
                section(8, vec(lift(cat(bytes(0x03), u32(0)), cat(bytes(0x04), u32(0)))))));
    assertTrue(e.getMessage().contains("realloc core func 0 has type [] -> []"), e.getMessage());
  }

  @Test
  void lowerStringParameterNeedsMemory() {
    byte[] type = funcType(vec(cat(name("s"), bytes(0x73))), null);
    byte[] imp = cat(externName("log"), bytes(0x01, 0x00));
    byte[] lower = cat(bytes(0x01, 0x00), u32(0), vec());
    InvalidComponentException e =
        invalid(component(section(7, vec(type)), section(10, vec(imp)), section(8, vec(lower))));
    assertTrue(e.getMessage().contains("needs the memory option"), e.getMessage());
  }

  @Test
  void loweredImportMustMatchTheCoreImport() {
    // import "f" (func (param "x" u32)); canon lower -> core func [i32] -> []
    byte[] type = funcType(vec(cat(name("x"), bytes(0x79))), null);
    byte[] imp = cat(externName("f"), bytes(0x01, 0x00));
    byte[] lower = cat(bytes(0x01, 0x00), u32(0), vec());
    byte[] exports = cat(bytes(0x01), vec(cat(name("f"), bytes(0x00), u32(0))));
    // a core module importing m.f : [] -> []
    byte[] module =
        coreModule(
            section(1, vec(bytes(0x60, 0x00, 0x00))),
            section(2, vec(cat(name("m"), name("f"), bytes(0x00, 0x00)))));
    byte[] instantiate = cat(bytes(0x00), u32(0), vec(cat(name("m"), bytes(0x12), u32(0))));
    InvalidComponentException e =
        invalid(
            component(
                section(7, vec(type)),
                section(10, vec(imp)),
                section(8, vec(lower)),
                section(2, vec(exports)),
                section(1, module),
                section(2, vec(instantiate))));
    assertEquals(
        "core import `m`.`f` has type [] -> [] but the argument provides [I32] -> []", e.detail());
    assertEquals("core instance section", e.section());
  }
}
