package dev.wasidl.bindgen.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.bindgen.wit.WitType.Handle;
import dev.wasidl.bindgen.wit.WitType.HandleKind;
import dev.wasidl.bindgen.wit.WitType.ListType;
import dev.wasidl.bindgen.wit.WitType.Named;
import dev.wasidl.bindgen.wit.WitType.OptionType;
import dev.wasidl.bindgen.wit.WitType.ResultType;
import dev.wasidl.types.Primitive;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The project's wasi:dl@0.2.0-draft WIT. */
class WasiDlTest {
  static Resolve resolve;
  static Interface ffi;
  static Interface dll;

  @BeforeAll
  static void load() {
    resolve = new Resolve();
    PackageName name = resolve.addFile(Fixtures.ROOT.resolve("wasi-dl/wasi-dl-0.2.0-draft.wit"));
    assertEquals(PackageName.parse("wasi:dl@0.2.0-draft"), name);
    ffi = resolve.iface("wasi:dl/ffi@0.2.0-draft").orElseThrow();
    dll = resolve.iface("wasi:dl/dll@0.2.0-draft").orElseThrow();
  }

  static TypeRef ffi(String name) {
    return new TypeRef(ffi.owner(), name);
  }

  static TypeRef dll(String name) {
    return new TypeRef(dll.owner(), name);
  }

  static List<String> names(Interface i, Class<? extends TypeDefKind> kind) {
    return i.types().stream().filter(t -> kind.isInstance(t.kind())).map(TypeDef::name).toList();
  }

  @Test
  void resourcesVariantsEnumsFlags() {
    assertEquals(
        List.of(
            "alloc",
            "struct-type",
            "outgoing-primitive",
            "outgoing-struct",
            "incoming-primitive",
            "incoming-struct"),
        names(ffi, TypeDefKind.ResourceType.class));
    assertEquals(
        List.of("ffi-type", "outgoing-value", "incoming-value"),
        names(ffi, TypeDefKind.VariantType.class));
    assertEquals(
        List.of("function", "symbol", "library"), names(dll, TypeDefKind.ResourceType.class));
    assertEquals(List.of("open-flags"), names(dll, TypeDefKind.FlagsType.class));
    assertEquals(
        new TypeDefKind.FlagsType(
            List.of(
                WitCase.of("lazy", ""),
                WitCase.of("now", ""),
                WitCase.of("global", ""),
                WitCase.of("local", ""))),
        stripDocs(dll.type("open-flags").orElseThrow().kind()));
    var primitives = (TypeDefKind.EnumType) ffi.type("primitive-type").orElseThrow().kind();
    assertEquals(21, primitives.cases().size());
    assertEquals("c-schar", primitives.cases().get(0).name());
    assertEquals("pointer", primitives.cases().get(20).name());
    assertEquals(
        new TypeDefKind.VariantType(
            List.of(
                new WitCase("primitive", Optional.of(new Named(ffi("primitive-type"))), ""),
                new WitCase("struct", Optional.of(new Named(ffi("struct-type"))), ""))),
        stripDocs(ffi.type("ffi-type").orElseThrow().kind()));
  }

  private static TypeDefKind stripDocs(TypeDefKind k) {
    return switch (k) {
      case TypeDefKind.VariantType v ->
          new TypeDefKind.VariantType(
              v.cases().stream().map(c -> new WitCase(c.name(), c.type(), "")).toList());
      case TypeDefKind.FlagsType f ->
          new TypeDefKind.FlagsType(f.flags().stream().map(c -> WitCase.of(c.name(), "")).toList());
      default -> k;
    };
  }

  @Test
  void allocFunctions() {
    assertEquals(
        List.of(
            "[static]alloc.new",
            "[method]alloc.write-primitive",
            "[method]alloc.write-struct",
            "[method]alloc.write-string",
            "[method]alloc.read-primitive",
            "[method]alloc.read-struct",
            "[method]alloc.read-string"),
        ffi.resourceFunctions("alloc").stream().map(WitFunction::componentName).toList());
    WitFunction allocNew = ffi.function("[static]alloc.new").orElseThrow();
    assertEquals(List.of(new Param("ty", new Named(ffi("ffi-type")))), allocNew.params());
    assertEquals(
        Optional.of(new ResultType(Optional.of(new Named(ffi("alloc"))), Optional.empty())),
        allocNew.result());
    assertTrue(allocNew.docs().startsWith("Allocates a new, typed, well-aligned memory region"));
    WitFunction setAddr = ffi.method("outgoing-primitive", "set-addr").orElseThrow();
    assertEquals(
        List.of(
            new Param("self", new Handle(HandleKind.BORROW, ffi("outgoing-primitive"))),
            new Param("v", new Handle(HandleKind.BORROW, ffi("alloc")))),
        setAddr.params());
    assertEquals(Optional.of(new ResultType(Optional.empty(), Optional.empty())), setAddr.result());
    WitFunction ctor = ffi.function("[constructor]struct-type").orElseThrow();
    assertEquals(
        List.of(new Param("fields", new ListType(new Named(ffi("ffi-type"))))), ctor.params());
    assertEquals(
        Optional.of(WitType.of(Primitive.U8)), ffi.function("sizeof").orElseThrow().result());
  }

  @Test
  void dllUsesFfiAndSignatures() {
    assertEquals(
        List.of(new TypeOwner.Interface(PackageName.parse("wasi:dl@0.2.0-draft"), "ffi")),
        Resolve.dependencies(dll));
    assertEquals(
        new TypeDefKind.Alias(new Named(ffi("alloc"))), dll.type("alloc").orElseThrow().kind());
    WitFunction open = dll.function("[static]library.open").orElseThrow();
    assertEquals(
        List.of(
            new Param("name", new OptionType(WitType.of(Primitive.STRING))),
            new Param("flag", new Named(dll("open-flags")))),
        open.params());
    assertEquals(
        Optional.of(
            new ResultType(
                Optional.of(new Named(dll("library"))), Optional.of(WitType.of(Primitive.STRING)))),
        open.result());
    WitFunction call = dll.method("function", "call").orElseThrow();
    assertEquals(
        Optional.of(
            new ResultType(
                Optional.of(new OptionType(new Named(dll("incoming-value")))), Optional.empty())),
        call.result());
    assertEquals("incoming-value", resolve.definition(dll("incoming-value")).name());
    assertEquals(
        List.of("extension", "prefix", "suffix"),
        dll.functions().stream()
            .filter(f -> f.kind() instanceof FunctionKind.Freestanding)
            .map(WitFunction::name)
            .toList());
  }

  @Test
  void importsWorld() {
    World w = resolve.world("wasi:dl/imports@0.2.0-draft").orElseThrow();
    assertEquals(
        List.of("wasi:dl/ffi@0.2.0-draft", "wasi:dl/dll@0.2.0-draft"),
        w.imports().stream().map(WorldItem::key).toList());
    assertEquals(List.of(), w.exports());
    assertEquals("The interface for wasi:dl/dll", w.imports().get(1).docs());
  }
}
