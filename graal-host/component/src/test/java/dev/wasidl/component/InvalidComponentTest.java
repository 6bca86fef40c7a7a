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

/** Well-formed binaries that validation rejects: {@link InvalidComponentException}. */
class InvalidComponentTest {
  static final byte[] FUNC_TYPE = UnsupportedFeatureTest.FUNC_TYPE;

  /** {@code (import "r" (type (sub resource)))}. */
  static final byte[] IMPORT_RESOURCE = cat(externName("r"), bytes(0x03, 0x01));

  private static InvalidComponentException invalid(byte[] bytes) {
    return assertThrows(InvalidComponentException.class, () -> ComponentDecoder.decode(bytes));
  }

  private static void assertMessage(InvalidComponentException e, String contains) {
    assertTrue(e.getMessage().contains(contains), e.getMessage());
    assertTrue(e.getMessage().startsWith("invalid: "), e.getMessage());
    assertTrue(e.getMessage().contains(" at offset " + e.offset() + " ("), e.getMessage());
  }

  @Test
  void aliasOfMissingInstance() {
    byte[] alias = cat(bytes(0x01, 0x00), u32(0), name("f"));
    InvalidComponentException e = invalid(component(section(6, vec(alias))));
    assertEquals(
        "invalid: instance index 0 out of range: the instance index space of this component has 0"
            + " entries at offset 13 (alias section)",
        e.getMessage());
    assertEquals("alias section", e.section());
  }

  @Test
  void canonLiftOfMissingCoreFunc() {
    byte[] lift = cat(bytes(0x00, 0x00), u32(5), vec(), u32(0));
    InvalidComponentException e =
        invalid(component(section(7, vec(FUNC_TYPE)), section(8, vec(lift))));
    assertMessage(e, "core func index 5 out of range");
    assertEquals("canon section", e.section());
    assertEquals(20, e.offset());
  }

  @Test
  void typeIndexOutOfRange() {
    InvalidComponentException e = invalid(component(section(7, vec(bytes(0x70, 0x03)))));
    assertEquals(
        "invalid: type index 3 out of range: the type index space of this component has 0 entries"
            + " at offset 12 (type section)",
        e.getMessage());
  }

  @Test
  void valTypeMustBeAValueType() {
    InvalidComponentException e = invalid(component(section(7, vec(FUNC_TYPE, bytes(0x70, 0x00)))));
    assertMessage(e, "type index 0 is not a defined value type");
  }

  @Test
  void exportOfMissingFunc() {
    byte[] export = cat(externName("f"), bytes(0x01), u32(0), bytes(0x00));
    assertMessage(invalid(component(section(11, vec(export)))), "func index 0 out of range");
  }

  @Test
  void exportOfCoreFuncIsNotAllowed() {
    byte[] export = cat(externName("f"), bytes(0x00, 0x00), u32(0), bytes(0x00));
    assertMessage(
        invalid(component(section(11, vec(export)))),
        "core func cannot be exported from a component");
  }

  @Test
  void importNamesMustBeStronglyUnique() {
    byte[] a = cat(externName("a-b"), bytes(0x01, 0x00));
    byte[] b = cat(externName("A-B"), bytes(0x01, 0x00));
    InvalidComponentException e =
        invalid(component(section(7, vec(FUNC_TYPE)), section(10, vec(a, b))));
    assertMessage(e, "import name `A-B` conflicts with previous name `a-b`");
  }

  @Test
  void labelsMustBeKebabCase() {
    byte[] record = cat(bytes(0x72), vec(cat(name("foo_bar"), bytes(0x79))));
    assertMessage(
        invalid(component(section(7, vec(record)))),
        "record field label `foo_bar` is not a kebab-case");
    byte[] imp = cat(externName("1abc"), bytes(0x01, 0x00));
    assertMessage(
        invalid(component(section(7, vec(FUNC_TYPE)), section(10, vec(imp)))), "invalid name");
  }

  @Test
  void interfaceNameVersionMustBeSemver() {
    byte[] imp = cat(externName("wasi:cli/run@0.2"), bytes(0x01, 0x00));
    // 0.2 is a canonical version: accepted
    ComponentDecoder.decode(component(section(7, vec(FUNC_TYPE)), section(10, vec(imp))));
    byte[] bad = cat(externName("wasi:cli/run@0.2.x"), bytes(0x01, 0x00));
    assertMessage(
        invalid(component(section(7, vec(FUNC_TYPE)), section(10, vec(bad)))),
        "is not a valid semver");
  }

  @Test
  void versionSuffixNeedsCanonicalVersion() {
    // (import "wasi:cli/run@0.2" (versionsuffix ".6") (func (type 0)))
    byte[] ok =
        cat(
            bytes(0x02),
            name("wasi:cli/run@0.2"),
            vec(cat(bytes(0x01), name(".6"))),
            bytes(0x01, 0x00));
    ComponentDef c =
        ComponentDecoder.decode(component(section(7, vec(FUNC_TYPE)), section(10, vec(ok))));
    assertEquals(java.util.Optional.of(".6"), c.imports().get(0).attributes().versionSuffix());
    byte[] bad =
        cat(
            bytes(0x02),
            name("wasi:cli/run@0.2.6"),
            vec(cat(bytes(0x01), name(".1"))),
            bytes(0x01, 0x00));
    assertMessage(
        invalid(component(section(7, vec(FUNC_TYPE)), section(10, vec(bad)))),
        "needs an interface name with a canonical version");
  }

  @Test
  void methodNeedsAPrecedingResource() {
    byte[] imp = cat(externName("[method]r.m"), bytes(0x01, 0x00));
    assertMessage(
        invalid(component(section(7, vec(FUNC_TYPE)), section(10, vec(imp)))),
        "refers to resource `r`, which is not imported before it");
  }

  @Test
  void methodNeedsSelfBorrow() {
    // import r; type 0 = r; (type (func)) = 1; import "[method]r.m" (func (type 1))
    byte[] imp = cat(externName("[method]r.m"), bytes(0x01, 0x01));
    assertMessage(
        invalid(
            component(
                section(10, vec(IMPORT_RESOURCE)),
                section(7, vec(FUNC_TYPE)),
                section(10, vec(imp)))),
        "must take (param \"self\" (borrow r))");
  }

  @Test
  void annotatedNameMustBeAFunc() {
    byte[] imp = cat(externName("[static]r.m"), bytes(0x03, 0x01));
    assertMessage(
        invalid(component(section(10, vec(IMPORT_RESOURCE, imp)))), "names a type, not a func");
  }

  @Test
  void borrowInFunctionResult() {
    // type 0 = imported resource; type 1 = (borrow 0); type 2 = (func (result 1))
    byte[] borrow = bytes(0x68, 0x00);
    byte[] fn = cat(bytes(0x40), vec(), bytes(0x00, 0x01));
    assertMessage(
        invalid(component(section(10, vec(IMPORT_RESOURCE)), section(7, vec(borrow, fn)))),
        "function results cannot contain a borrow handle");
  }

  @Test
  void ownOfNonResource() {
    assertMessage(
        invalid(component(section(7, vec(bytes(0x79), bytes(0x69, 0x00))))),
        "own of type 0, which is not a resource type");
  }

  @Test
  void emptyAndOversizedTypes() {
    assertMessage(
        invalid(component(section(7, vec(cat(bytes(0x72), vec()))))),
        "record type must have at least one field");
    assertMessage(
        invalid(component(section(7, vec(cat(bytes(0x71), vec()))))),
        "variant type must have at least one case");
    byte[][] labels = new byte[33][];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = name("f" + i);
    }
    assertMessage(
        invalid(component(section(7, vec(cat(bytes(0x6e), vec(labels)))))),
        "flags type has 33 labels");
    assertMessage(
        invalid(component(section(7, vec(cat(bytes(0x6d), vec(name("a"), name("a"))))))),
        "enum label `a` conflicts");
  }

  @Test
  void resourceRepresentationMustBeI32() {
    assertMessage(
        invalid(component(section(7, vec(bytes(0x3f, 0x7e, 0x00))))),
        "resource representation must be i32");
  }

  @Test
  void resourceNewNeedsALocalResource() {
    assertMessage(
        invalid(component(section(10, vec(IMPORT_RESOURCE)), section(8, vec(bytes(0x02, 0x00))))),
        "resource.new needs a resource type defined by this component");
    // resource.drop of an imported resource is fine
    ComponentDecoder.decode(
        component(section(10, vec(IMPORT_RESOURCE)), section(8, vec(bytes(0x03, 0x00)))));
  }

  @Test
  void resourceDestructorType() {
    // core module exporting f: [] -> []; resource with dtor f
    byte[] module =
        coreModule(
            section(1, vec(bytes(0x60, 0x00, 0x00))),
            section(3, vec(u32(0))),
            section(7, vec(cat(name("f"), bytes(0x00, 0x00)))),
            section(10, vec(bytes(0x02, 0x00, 0x0b))));
    byte[] inst = cat(bytes(0x00), u32(0), vec());
    byte[] alias = cat(bytes(0x00, 0x00, 0x01), u32(0), name("f"));
    byte[] resource = bytes(0x3f, 0x7f, 0x01, 0x00);
    assertMessage(
        invalid(
            component(
                section(1, module),
                section(2, vec(inst)),
                section(6, vec(alias)),
                section(7, vec(resource)))),
        "destructor core func 0 has type [] -> [], expected [I32] -> []");
  }

  @Test
  void coreInstantiationMissingArgument() {
    byte[] module =
        coreModule(
            section(1, vec(bytes(0x60, 0x00, 0x00))),
            section(2, vec(cat(name("env"), name("f"), bytes(0x00, 0x00)))));
    byte[] inst = cat(bytes(0x00), u32(0), vec());
    InvalidComponentException e = invalid(component(section(1, module), section(2, vec(inst))));
    assertMessage(e, "missing core instantiation argument `env`");
    assertEquals("core instance section", e.section());
  }

  @Test
  void coreAliasOfMissingExport() {
    byte[] module = coreModule();
    byte[] inst = cat(bytes(0x00), u32(0), vec());
    byte[] alias = cat(bytes(0x00, 0x00, 0x01), u32(0), name("nope"));
    assertMessage(
        invalid(component(section(1, module), section(2, vec(inst)), section(6, vec(alias)))),
        "core instance 0 has no export named `nope`");
  }

  @Test
  void componentInstantiationMissingArgument() {
    byte[] inner =
        component(section(7, vec(FUNC_TYPE)), section(10, vec(UnsupportedFeatureTest.IMPORT_F)));
    byte[] inst = cat(bytes(0x00), u32(0), vec());
    assertMessage(
        invalid(component(section(4, inner), section(5, vec(inst)))),
        "missing instantiation argument `f`");
  }

  @Test
  void outerAliasBeyondEnclosingScopes() {
    byte[] alias = cat(bytes(0x03, 0x02), u32(1), u32(0));
    assertMessage(
        invalid(component(section(6, vec(alias)))),
        "outer alias count 1 exceeds the number of enclosing scopes");
  }

  @Test
  void outerAliasOfTypeFromParent() {
    byte[] alias = cat(bytes(0x03, 0x02), u32(1), u32(0));
    byte[] inner = component(section(6, vec(alias)));
    ComponentDef c =
        ComponentDecoder.decode(component(section(7, vec(FUNC_TYPE)), section(4, inner)));
    assertEquals(
        new Alias.Outer(Sort.TYPE, 1, 0), c.components().get(0).indexSpace(Sort.TYPE).get(0));
    assertMessage(invalid(component(section(4, inner))), "type index 0 out of range");
  }

  @Test
  void duplicateCanonOptionAndPostReturnOnLower() {
    byte[] twice = cat(bytes(0x01, 0x00), u32(0), vec(bytes(0x00), bytes(0x01)));
    assertMessage(
        invalid(
            component(
                section(7, vec(FUNC_TYPE)),
                section(10, vec(UnsupportedFeatureTest.IMPORT_F)),
                section(8, vec(twice)))),
        "string-encoding given more than once");
  }

  @Test
  void instanceTypesCannotDefineResources() {
    byte[] instanceType = cat(bytes(0x42), vec(cat(bytes(0x01), bytes(0x3f, 0x7f, 0x00))));
    assertMessage(
        invalid(component(section(7, vec(instanceType)))),
        "resource types cannot be defined in instance types");
  }

  @Test
  void valueTypesMustBeSmallerThan2To28Bytes() {
    byte[][] u64s = new byte[16][];
    java.util.Arrays.fill(u64s, bytes(0x77));
    byte[][] types = new byte[8][];
    types[0] = cat(bytes(0x6f), vec(u64s)); // 128 bytes
    for (int i = 1; i < types.length; i++) {
      byte[][] prev = new byte[16][];
      java.util.Arrays.fill(prev, u32(i - 1));
      types[i] = cat(bytes(0x6f), vec(prev)); // 2^(7 + 4i) bytes
    }
    byte[][] fits = java.util.Arrays.copyOf(types, 6); // up to 2^27
    ComponentDecoder.decode(component(section(7, vec(fits))));
    assertMessage(
        invalid(component(section(7, vec(types)))), "its size 2147483648 is not below 2^28");
  }

  @Test
  void outerAliasOfTypeHoldingAResourceAcrossComponents() {
    // outer: import resource r (type 0); type 1 = (own 0); type 2 = (tuple 1)
    byte[] own = bytes(0x69, 0x00);
    byte[] tuple = cat(bytes(0x6f), vec(u32(1)));
    byte[] alias = cat(bytes(0x03, 0x02), u32(1), u32(2));
    assertMessage(
        invalid(
            component(
                section(10, vec(IMPORT_RESOURCE)),
                section(7, vec(own, tuple)),
                section(4, component(section(6, vec(alias)))))),
        "refers to a resource across a component boundary");
  }

  @Test
  void implementsNeedsAnInstance() {
    byte[] imp =
        cat(
            bytes(0x02),
            name("f"),
            vec(cat(bytes(0x00), name("wasi:cli/run@0.2.6"))),
            bytes(0x01, 0x00));
    assertMessage(
        invalid(component(section(7, vec(FUNC_TYPE)), section(10, vec(imp)))),
        "an (implements ...) name must be instance-typed");
  }
}
