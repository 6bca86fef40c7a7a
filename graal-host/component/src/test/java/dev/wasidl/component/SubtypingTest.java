package dev.wasidl.component;

import static dev.wasidl.component.Wasm.bytes;
import static dev.wasidl.component.Wasm.cat;
import static dev.wasidl.component.Wasm.component;
import static dev.wasidl.component.Wasm.externName;
import static dev.wasidl.component.Wasm.name;
import static dev.wasidl.component.Wasm.section;
import static dev.wasidl.component.Wasm.u32;
import static dev.wasidl.component.Wasm.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Instantiation arguments and export ascriptions must match the expected types. */
class SubtypingTest {
  /** (component (import "r" (type (sub resource))) (import "f" (func (param "x" (own r))))). */
  static final byte[] CHILD =
      component(
          section(10, vec(cat(externName("r"), bytes(0x03, 0x01)))),
          section(
              7,
              vec(
                  bytes(0x69, 0x00),
                  cat(bytes(0x40), vec(cat(name("x"), u32(1))), bytes(0x01, 0x00)))),
          section(10, vec(cat(externName("f"), bytes(0x01, 0x02)))));

  /**
   * Two imported resources (types 0, 1), own of each (2, 3), funcs taking each (4, 5), one taking
   * an own of resource 0 under another label (6); imports g: 4, h: 5, k: 6 (funcs 0, 1, 2).
   */
  static final byte[][] OUTER =
      new byte[][] {
        section(
            10,
            vec(
                cat(externName("r0"), bytes(0x03, 0x01)),
                cat(externName("r1"), bytes(0x03, 0x01)))),
        section(
            7,
            vec(
                bytes(0x69, 0x00),
                bytes(0x69, 0x01),
                cat(bytes(0x40), vec(cat(name("x"), u32(2))), bytes(0x01, 0x00)),
                cat(bytes(0x40), vec(cat(name("x"), u32(3))), bytes(0x01, 0x00)),
                cat(bytes(0x40), vec(cat(name("y"), u32(2))), bytes(0x01, 0x00)))),
        section(
            10,
            vec(
                cat(externName("g"), bytes(0x01, 0x04)),
                cat(externName("h"), bytes(0x01, 0x05)),
                cat(externName("k"), bytes(0x01, 0x06)))),
        section(4, CHILD)
      };

  private static byte[] instantiateWith(int resourceType, int func) {
    byte[] inst =
        cat(
            bytes(0x00),
            u32(0),
            vec(
                cat(name("r"), bytes(0x03), u32(resourceType)),
                cat(name("f"), bytes(0x01), u32(func))));
    return component(cat(OUTER), section(5, vec(inst)));
  }

  @Test
  void matchingArgumentsAfterResourceSubstitution() {
    ComponentDef c = ComponentDecoder.decode(instantiateWith(0, 0));
    assertEquals(1, c.instances().size());
    ComponentDecoder.decode(instantiateWith(1, 1));
  }

  @Test
  void funcOverTheWrongResource() {
    InvalidComponentException e =
        assertThrows(
            InvalidComponentException.class, () -> ComponentDecoder.decode(instantiateWith(0, 1)));
    assertEquals(
        "instantiation argument `f` does not match the import's type: parameter `x` of func `f` has a"
            + " different type",
        e.detail());
    assertEquals("instance section", e.section());
  }

  @Test
  void funcWithOtherParameterNames() {
    InvalidComponentException e =
        assertThrows(
            InvalidComponentException.class, () -> ComponentDecoder.decode(instantiateWith(0, 2)));
    assertTrue(e.detail().contains("has parameters [y], expected [x]"), e.detail());
  }

  @Test
  void resourceArgumentMustBeAResource() {
    InvalidComponentException e =
        assertThrows(
            InvalidComponentException.class, () -> ComponentDecoder.decode(instantiateWith(2, 0)));
    assertTrue(e.detail().contains("`r` must be a resource type"), e.detail());
  }

  @Test
  void exportAscription() {
    // export "e" (func 0) (func (type 4)): fine; with (type 5): a different resource
    byte[] ok = cat(externName("e"), bytes(0x01), u32(0), bytes(0x01, 0x01), u32(4));
    ComponentDecoder.decode(component(cat(OUTER), section(11, vec(ok))));
    byte[] bad = cat(externName("e"), bytes(0x01), u32(0), bytes(0x01, 0x01), u32(5));
    InvalidComponentException e =
        assertThrows(
            InvalidComponentException.class,
            () -> ComponentDecoder.decode(component(cat(OUTER), section(11, vec(bad)))));
    assertTrue(e.detail().startsWith("export `e` does not match its ascribed type"), e.detail());
    assertEquals("export section", e.section());
  }

  @Test
  void instanceArgumentMissingAnExport() {
    // child2 imports instance "i" exporting func "f"; the argument instance exports nothing
    byte[] instanceType =
        cat(
            bytes(0x42),
            vec(
                cat(bytes(0x01), bytes(0x40, 0x00, 0x01, 0x00)),
                cat(bytes(0x04), externName("f"), bytes(0x01, 0x00))));
    byte[] child =
        component(
            section(7, vec(instanceType)),
            section(10, vec(cat(externName("i"), bytes(0x05, 0x00)))));
    byte[] empty = cat(bytes(0x01), vec());
    byte[] inst = cat(bytes(0x00), u32(0), vec(cat(name("i"), bytes(0x05), u32(0))));
    InvalidComponentException e =
        assertThrows(
            InvalidComponentException.class,
            () ->
                ComponentDecoder.decode(
                    component(section(4, child), section(5, vec(empty, inst)))));
    assertTrue(e.detail().contains("missing export `i/f`"), e.detail());
  }

  @Test
  void eachImportOfAnInstanceTypeHasItsOwnResources() {
    // T = (instance (export "r" (type (sub resource))) (export "mk" (func (result (own r)))))
    byte[] instanceType =
        cat(
            bytes(0x42),
            vec(
                cat(bytes(0x04), externName("r"), bytes(0x03, 0x01)),
                bytes(0x01, 0x69, 0x00),
                cat(bytes(0x01, 0x40), vec(), bytes(0x00, 0x01)),
                cat(bytes(0x04), externName("mk"), bytes(0x01, 0x02))));
    byte[] imports =
        section(
            10,
            vec(cat(externName("a"), bytes(0x05, 0x00)), cat(externName("b"), bytes(0x05, 0x00))));
    byte[] aliases =
        section(
            6,
            vec(
                cat(bytes(0x03, 0x00), u32(0), name("r")), // type 1 = a.r
                cat(bytes(0x01, 0x00), u32(1), name("mk")), // func 0 = b.mk
                cat(bytes(0x01, 0x00), u32(0), name("mk")))); // func 1 = a.mk
    byte[] child =
        component(
            section(10, vec(cat(externName("x"), bytes(0x03, 0x01)))),
            section(7, vec(bytes(0x69, 0x00), cat(bytes(0x40), vec(), bytes(0x00, 0x01)))),
            section(10, vec(cat(externName("mk"), bytes(0x01, 0x02)))));
    java.util.function.IntFunction<byte[]> withMk =
        mk ->
            component(
                section(7, vec(instanceType)),
                imports,
                aliases,
                section(4, child),
                section(
                    5,
                    vec(
                        cat(
                            bytes(0x00),
                            u32(0),
                            vec(
                                cat(name("x"), bytes(0x03), u32(1)),
                                cat(name("mk"), bytes(0x01), u32(mk)))))));
    ComponentDecoder.decode(withMk.apply(1));
    InvalidComponentException e =
        assertThrows(
            InvalidComponentException.class, () -> ComponentDecoder.decode(withMk.apply(0)));
    assertTrue(e.detail().contains("the result of func `mk` has a different type"), e.detail());
  }
}
