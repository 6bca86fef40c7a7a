package dev.wasidl.component;

import static dev.wasidl.component.Wasm.bytes;
import static dev.wasidl.component.Wasm.cat;
import static dev.wasidl.component.Wasm.component;
import static dev.wasidl.component.Wasm.externName;
import static dev.wasidl.component.Wasm.section;
import static dev.wasidl.component.Wasm.u32;
import static dev.wasidl.component.Wasm.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Features past preview 2 fail with a clear "unsupported: <feature> at offset N". */
class UnsupportedFeatureTest {
  /** {@code (type (func))}. */
  static final byte[] FUNC_TYPE = cat(bytes(0x40), vec(), bytes(0x01, 0x00));

  /** {@code (import "f" (func (type 0)))}. */
  static final byte[] IMPORT_F = cat(externName("f"), bytes(0x01, 0x00));

  private static UnsupportedFeatureException unsupported(byte[] bytes) {
    return assertThrows(UnsupportedFeatureException.class, () -> ComponentDecoder.decode(bytes));
  }

  /** A component whose type section holds just {@code type}. */
  private static byte[] withType(byte[] type) {
    return component(section(7, vec(type)));
  }

  /** A component importing func f, then one canon definition. */
  private static byte[] withCanon(byte[] canon) {
    return component(
        section(7, vec(FUNC_TYPE)), section(10, vec(IMPORT_F)), section(8, vec(canon)));
  }

  @Test
  void streamType() {
    UnsupportedFeatureException e = unsupported(withType(bytes(0x66, 0x01, 0x7d)));
    assertEquals("unsupported: stream type (🔀) at offset 11 (type section)", e.getMessage());
    assertEquals("type section", e.section());
    assertEquals(11, e.offset());
  }

  @Test
  void futureType() {
    UnsupportedFeatureException e = unsupported(withType(bytes(0x65, 0x00)));
    assertEquals("unsupported: future type (🔀) at offset 11 (type section)", e.getMessage());
  }

  @Test
  void errorContextType() {
    assertEquals(11, unsupported(withType(bytes(0x64))).offset());
    // as the element of a list: the valtype at offset 12
    UnsupportedFeatureException e = unsupported(withType(bytes(0x70, 0x64)));
    assertEquals(
        "unsupported: error-context type (📝) at offset 12 (type section)", e.getMessage());
  }

  @Test
  void fixedLengthListAndMap() {
    assertTrue(
        unsupported(withType(bytes(0x67, 0x7d, 0x04))).getMessage().contains("fixed-length"));
    assertTrue(unsupported(withType(bytes(0x63, 0x73, 0x73))).getMessage().contains("map type"));
  }

  @Test
  void asyncFunctionType() {
    UnsupportedFeatureException e =
        unsupported(withType(cat(bytes(0x43), vec(), bytes(0x01, 0x00))));
    assertEquals(
        "unsupported: async function type (🔀) at offset 11 (type section)", e.getMessage());
  }

  @Test
  void asyncCanonOption() {
    // canon lower f (async): the option byte 0x06 is the last byte
    byte[] bytes = withCanon(cat(bytes(0x01, 0x00), u32(0), vec(bytes(0x06))));
    UnsupportedFeatureException e = unsupported(bytes);
    assertEquals("canon section", e.section());
    assertEquals(
        "unsupported: canonical option async (🔀) at offset " + e.offset() + " (canon section)",
        e.getMessage());
    assertEquals(bytes.length - 1, e.offset());
  }

  @Test
  void callbackCanonOption() {
    byte[] bytes = withCanon(cat(bytes(0x01, 0x00), u32(0), vec(bytes(0x07, 0x00))));
    assertTrue(unsupported(bytes).getMessage().contains("canonical option callback"));
  }

  @Test
  void asyncBuiltins() {
    assertEquals(
        "unsupported: canon task.return (🔀) at offset 26 (canon section)",
        unsupported(withCanon(bytes(0x09, 0x01, 0x00, 0x00))).getMessage());
    assertTrue(unsupported(withCanon(bytes(0x0e, 0x00))).getMessage().contains("stream.new"));
    assertTrue(unsupported(withCanon(bytes(0x15, 0x00))).getMessage().contains("future.new"));
    assertTrue(unsupported(withCanon(bytes(0x1f))).getMessage().contains("waitable-set.new"));
    assertTrue(unsupported(withCanon(bytes(0x1c))).getMessage().contains("error-context.new"));
    assertTrue(
        unsupported(withCanon(bytes(0x40, 0x00, 0x00))).getMessage().contains("thread.spawn-ref"));
    assertTrue(unsupported(withCanon(bytes(0x24))).getMessage().contains("backpressure.inc"));
  }

  @Test
  void valueSectionAndValueSort() {
    assertEquals(
        "unsupported: value section (🪙 value definitions) at offset 8 (value section)",
        unsupported(component(section(12, vec()))).getMessage());
    byte[] alias = cat(bytes(0x02, 0x02), u32(0), u32(0));
    assertTrue(unsupported(component(section(6, vec(alias)))).getMessage().contains("value sort"));
    byte[] valueImport = cat(externName("v"), bytes(0x02, 0x01, 0x79));
    assertTrue(
        unsupported(component(section(10, vec(valueImport))))
            .getMessage()
            .contains("value import"));
  }

  @Test
  void coreGcTypes() {
    byte[] rec = cat(bytes(0x4e), vec());
    UnsupportedFeatureException e = unsupported(component(section(3, vec(rec))));
    assertEquals("core type section", e.section());
    assertTrue(e.getMessage().contains("core GC type form 0x4e"), e.getMessage());
    assertTrue(
        unsupported(component(section(3, vec(bytes(0x00, 0x50, 0x00, 0x60, 0x00, 0x00)))))
            .getMessage()
            .contains("core GC subtype"));
  }

  @Test
  void nestedNamespaces() {
    byte[] imp = cat(externName("a:b:c/d"), bytes(0x01, 0x00));
    UnsupportedFeatureException e =
        unsupported(component(section(7, vec(FUNC_TYPE)), section(10, vec(imp))));
    assertTrue(e.getMessage().contains("nested namespaces"), e.getMessage());
    assertEquals("import section", e.section());
  }

  @Test
  void startWithValues() {
    byte[] start = cat(u32(0), vec(u32(0)), u32(0));
    byte[] bytes =
        component(section(7, vec(FUNC_TYPE)), section(10, vec(IMPORT_F)), section(9, start));
    assertTrue(unsupported(bytes).getMessage().contains("start function value arguments"));
  }
}
