package dev.wasidl.bindgen.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.bindgen.wit.WitType.Handle;
import dev.wasidl.bindgen.wit.WitType.HandleKind;
import dev.wasidl.bindgen.wit.WitType.Named;
import dev.wasidl.types.Primitive;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One fixture per WIT feature under wit/features. */
class FeaturesTest {
  static Resolve file(String name) {
    Resolve r = new Resolve();
    r.addFile(Fixtures.ROOT.resolve("features").resolve(name));
    return r;
  }

  static List<String> keys(List<WorldItem> items) {
    return items.stream().map(WorldItem::key).toList();
  }

  static TypeDefKind kind(Interface i, String type) {
    return i.type(type).orElseThrow().kind();
  }

  @Test
  void everyTypeForm() {
    Resolve r = file("types.wit");
    Interface all = r.iface("test:types/all@1.0.0").orElseThrow();
    TypeOwner o = all.owner();
    assertEquals("Every kind of type definition and type expression.", all.docs());
    assertEquals(
        new TypeDefKind.RecordType(
            List.of(
                new WitField("x", WitType.of(Primitive.S32), ""),
                new WitField("y", WitType.of(Primitive.S32), ""))),
        kind(all, "point"));
    assertEquals(
        new TypeDefKind.VariantType(
            List.of(
                new WitCase("circle", Optional.of(WitType.of(Primitive.F64)), ""),
                new WitCase(
                    "polygon",
                    Optional.of(new WitType.ListType(new Named(new TypeRef(o, "point")))),
                    ""),
                WitCase.of("empty", ""))),
        kind(all, "shape"));
    assertEquals(
        new TypeDefKind.EnumType(
            List.of(WitCase.of("red", ""), WitCase.of("green", ""), WitCase.of("blue", ""))),
        kind(all, "color"));
    assertEquals(3, ((TypeDefKind.FlagsType) kind(all, "perms")).flags().size());
    assertEquals(
        new TypeDefKind.Alias(new WitType.FixedListType(WitType.of(Primitive.U8), 16)),
        kind(all, "block"));
    assertEquals(
        new TypeDefKind.Alias(
            new WitType.MapType(WitType.of(Primitive.STRING), WitType.of(Primitive.U32))),
        kind(all, "lookup"));
    assertEquals(
        new TypeDefKind.Alias(new WitType.ResultType(Optional.empty(), Optional.empty())),
        kind(all, "r0"));
    assertEquals(
        new TypeDefKind.Alias(
            new WitType.ResultType(Optional.of(WitType.of(Primitive.U32)), Optional.empty())),
        kind(all, "r1"));
    assertEquals(
        new TypeDefKind.Alias(
            new WitType.ResultType(Optional.empty(), Optional.of(WitType.of(Primitive.STRING)))),
        kind(all, "r2"));
    assertEquals(
        new TypeDefKind.Alias(new WitType.FutureType(Optional.of(WitType.of(Primitive.U8)))),
        kind(all, "f"));
    assertEquals(new TypeDefKind.Alias(new WitType.StreamType(Optional.empty())), kind(all, "s"));
    assertEquals(
        13,
        ((WitType.TupleType) ((TypeDefKind.Alias) kind(all, "scalars")).target()).types().size());

    TypeRef blob = new TypeRef(o, "blob");
    WitFunction merge = all.function("[static]blob.merge").orElseThrow();
    assertEquals(
        List.of(
            new Param("a", new Handle(HandleKind.BORROW, blob)),
            new Param("b", new Handle(HandleKind.OWN, blob))),
        merge.params());
    assertEquals(Optional.of(new Named(blob)), merge.result());
    WitFunction read = all.method("blob", "read").orElseThrow();
    assertTrue(read.async());
    assertEquals("[method]blob.read", read.componentName());
    assertTrue(all.function("wait").orElseThrow().async());
    // borrow of an alias of a resource
    assertEquals(
        new Param("b", new Handle(HandleKind.BORROW, new TypeRef(o, "blob-alias"))),
        all.function("take").orElseThrow().params().get(0));
    assertEquals("blob", r.definition(new TypeRef(o, "blob-alias")).name());
  }

  @Test
  void nestedPackages() {
    Resolve r = file("nested-packages.wit");
    assertEquals(
        List.of("test:inner@2.0.0", "test:outer@0.1.0", "test:other"),
        r.packages().stream().map(p -> p.name().toString()).toList());
    Interface uses = r.iface("test:outer/uses-inner@0.1.0").orElseThrow();
    TypeOwner.Interface shapes =
        new TypeOwner.Interface(PackageName.parse("test:inner@2.0.0"), "shapes");
    assertEquals(
        new TypeDefKind.Alias(new Named(new TypeRef(shapes, "square"))), kind(uses, "square"));
    World w = r.world("test:outer/w@0.1.0").orElseThrow();
    assertEquals(List.of("test:inner/shapes@2.0.0"), keys(w.imports()));
    assertEquals(List.of("test:outer/uses-inner@0.1.0"), keys(w.exports()));
    assertTrue(r.iface("test:other/empty").isPresent());
  }

  @Test
  void useAcrossPackagesWithRenames() {
    Resolve r = file("use-across.wit");
    Interface consumer = r.iface("test:user/consumer").orElseThrow();
    PackageName lib = PackageName.parse("test:lib@1.2.3");
    TypeRef item = new TypeRef(new TypeOwner.Interface(lib, "types"), "item");
    assertEquals(new TypeDefKind.Alias(new Named(item)), kind(consumer, "item"));
    assertEquals(new TypeDefKind.Alias(new Named(item)), kind(consumer, "renamed-item"));
    assertEquals(
        new TypeDefKind.Alias(
            new Named(new TypeRef(new TypeOwner.Interface(lib, "handles"), "handle"))),
        kind(consumer, "handle"));
    TypeOwner.Interface local =
        new TypeOwner.Interface(PackageName.parse("test:user"), "local-types");
    assertEquals(
        new TypeDefKind.Alias(new Named(new TypeRef(local, "count"))), kind(consumer, "count2"));
    WitFunction consume = consumer.function("consume").orElseThrow();
    assertEquals(
        List.of(
            new Param("i", new Named(new TypeRef(consumer.owner(), "renamed-item"))),
            new Param("h", new Handle(HandleKind.BORROW, new TypeRef(consumer.owner(), "handle"))),
            new Param("c", new Named(new TypeRef(consumer.owner(), "count")))),
        consume.params());
    assertEquals("item", r.definition(new TypeRef(consumer.owner(), "renamed-item")).name());
    assertEquals(
        List.of(item.owner(), new TypeOwner.Interface(lib, "handles"), local),
        Resolve.dependencies(consumer));
  }

  @Test
  void includeWithRenames() {
    Resolve r = file("include-with.wit");
    World union = r.world("test:incl/union").orElseThrow();
    assertEquals(
        List.of("test:incl/a", "run", "cache", "code", "test:incl/b", "run-two"),
        keys(union.imports()));
    assertEquals(List.of("test:incl/b", "status", "status-two"), keys(union.exports()));
    TypeOwner.World owner = union.owner();
    // the included world's type is now the union's
    assertEquals(
        Optional.of(new Named(new TypeRef(owner, "code"))),
        ((WorldItem.FunctionItem) union.exportNamed("status").orElseThrow()).function().result());
    assertEquals(
        Optional.of(WitType.of(Primitive.U8)),
        ((WorldItem.FunctionItem) union.exportNamed("status-two").orElseThrow())
            .function()
            .result());
    assertEquals(
        new WorldItem.NamedInterface(
            "cache",
            new TypeOwner.Interface(PackageName.parse("test:incl"), "store"),
            "",
            Gate.NONE),
        union.importNamed("cache").orElseThrow());

    World foreign = r.world("test:incl/foreign").orElseThrow();
    assertEquals(
        List.of("test:dep/log", "test:incl/a", "run", "other-cache", "code"),
        keys(foreign.imports()));
  }

  @Test
  void gates() {
    Resolve r = file("gates.wit");
    Interface stable = r.iface("test:gates/stable@0.2.0").orElseThrow();
    assertEquals(Gate.since("0.1.0"), stable.gate());
    assertEquals(
        Gate.since("0.1.0").withDeprecated("0.2.0"), stable.function("old").orElseThrow().gate());
    assertEquals(Gate.unstable("shiny"), stable.function("new").orElseThrow().gate());
    assertEquals(Gate.since("0.2.0"), stable.type("r").orElseThrow().gate());
    assertEquals(Gate.since("0.2.0"), stable.function("[constructor]r").orElseThrow().gate());
    assertEquals(Gate.unstable("shiny"), stable.method("r", "poke").orElseThrow().gate());
    World w = r.world("test:gates/w@0.2.0").orElseThrow();
    assertEquals(Gate.unstable("shiny"), w.gate());
    assertEquals(Gate.since("0.1.0"), w.imports().get(0).gate());
    assertEquals(Gate.unstable("shiny"), w.exports().get(0).gate());
  }

  @Test
  void docs() {
    Resolve r = file("docs.wit");
    WitPackage p = r.pkg("test:docs").orElseThrow();
    assertEquals("The package's docs.", p.docs());
    Interface i = p.iface("documented").orElseThrow();
    assertEquals("Interface docs,\non two lines.", i.docs());
    assertEquals("Block docs\nfor a record.", i.type("r").orElseThrow().docs());
    assertEquals("a field", ((TypeDefKind.RecordType) kind(i, "r")).fields().get(0).docs());
    assertEquals(
        List.of("first case", "second case"),
        ((TypeDefKind.VariantType) kind(i, "v")).cases().stream().map(WitCase::docs).toList());
    assertEquals("makes one", i.function("[constructor]res").orElseThrow().docs());
    assertEquals("a method", i.method("res", "m").orElseThrow().docs());
    assertEquals(
        "A function.\n\n  indented line after an empty one.", i.function("f").orElseThrow().docs());
    World w = p.world("w").orElseThrow();
    assertEquals("A world.", w.docs());
    assertEquals("An import.", w.imports().get(0).docs());
  }

  @Test
  void explicitIdentifiers() {
    Resolve r = file("explicit-ids.wit");
    Interface i = r.iface("test:explicit/interface").orElseThrow();
    assertEquals(List.of("record", "enum"), i.types().stream().map(TypeDef::name).toList());
    WitFunction v = i.function("variant").orElseThrow();
    assertEquals(List.of(new Param("enum", new Named(new TypeRef(i.owner(), "enum")))), v.params());
    assertEquals(
        List.of("type", "list"),
        ((TypeDefKind.RecordType) kind(i, "record"))
            .fields().stream().map(WitField::name).toList());
    World w = r.world("test:explicit/world").orElseThrow();
    assertEquals(List.of("func"), keys(w.exports()));
    assertTrue(
        WitPrinter.print(r.pkg("test:explicit").orElseThrow())
            .contains("%variant: func(%enum: %enum) -> %record;"));
  }

  @Test
  void worldsWithInlineInterfacesTypesAndImplicitImports() {
    Resolve r = file("worlds.wit");
    World host = r.world("test:worlds/host@1.0.0").orElseThrow();
    assertEquals(
        List.of("test:worlds/shared@1.0.0", "metadata", "extra", "host", "cache", "log"),
        keys(host.imports()));
    assertEquals(List.of("test:worlds/api@1.0.0", "run", "inline"), keys(host.exports()));
    WorldItem.InlineInterface inline =
        (WorldItem.InlineInterface) host.importNamed("host").orElseThrow();
    TypeOwner.InlineInterface owner =
        new TypeOwner.InlineInterface(
            PackageName.parse("test:worlds@1.0.0"), "host", false, "host");
    assertEquals(owner, inline.iface().owner());
    assertEquals(
        Optional.of(new Named(new TypeRef(owner, "metadata"))),
        inline.iface().function("get").orElseThrow().result());
    assertEquals("record", kindName(r.definition(new TypeRef(owner, "metadata"))));
    WorldItem.TypeItem extra = (WorldItem.TypeItem) host.importNamed("extra").orElseThrow();
    assertEquals(
        new TypeDefKind.Alias(
            new WitType.ListType(new Named(new TypeRef(host.owner(), "metadata")))),
        extra.type().kind());
    assertEquals("metadata", r.definition(new TypeRef(host.owner(), "metadata")).name());
    assertInstanceOf(WorldItem.FunctionItem.class, host.importNamed("log").orElseThrow());
  }

  private static String kindName(TypeDef d) {
    return switch (d.kind()) {
      case TypeDefKind.RecordType x -> "record";
      case TypeDefKind.VariantType x -> "variant";
      case TypeDefKind.EnumType x -> "enum";
      case TypeDefKind.FlagsType x -> "flags";
      case TypeDefKind.ResourceType x -> "resource";
      case TypeDefKind.Alias x -> "alias";
    };
  }

  @Test
  void resourceDeclaredInAWorld() {
    Resolve r = file("world-resources.wit");
    World w = r.world("test:world-res/w").orElseThrow();
    assertEquals(
        List.of(
            "session",
            "[constructor]session",
            "[method]session.ping",
            "[static]session.open",
            "start"),
        keys(w.imports()));
    TypeRef session = new TypeRef(w.owner(), "session");
    assertEquals(
        new Handle(HandleKind.BORROW, session),
        ((WorldItem.FunctionItem) w.importNamed("start").orElseThrow())
            .function()
            .params()
            .get(0)
            .type());
    assertEquals(List.of("check"), keys(w.exports()));
    assertInstanceOf(TypeDefKind.ResourceType.class, r.definition(session).kind());
  }

  @Test
  void depsFolderLayout() {
    Resolve r = new Resolve();
    PackageName root = r.addPackageDir(Fixtures.ROOT.resolve("features/deps-layout"));
    assertEquals("test:app", root.toString());
    // deps/base (a folder of two files) before deps/extra.wit (which uses it), root last
    assertEquals(
        List.of("test:base@1.0.0", "test:extra", "test:app"),
        r.packages().stream().map(p -> p.name().toString()).toList());
    World app = r.selectWorld(root, Optional.empty());
    assertEquals(
        List.of("test:base/types@1.0.0", "test:extra/more", "thing", "get"), keys(app.imports()));
  }
}
