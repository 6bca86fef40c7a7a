package dev.wasidl.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Decodes every committed guest and checks what its WIT and build say must be there. */
class GuestComponentsTest {

  /** The instance type of the import named {@code name}. */
  private static InstanceType importedInstance(ComponentDef c, String name) {
    Import imp = c.importNamed(name).orElseThrow();
    ExternType.Instance t = assertInstanceOf(ExternType.Instance.class, imp.type());
    return assertInstanceOf(InstanceType.class, c.indexSpace(Sort.TYPE).get(t.type()));
  }

  /** Follows {@code (eq i)} exports and aliases-free type indices inside an instance type. */
  private static Decl typeIn(InstanceType it, int index) {
    Decl d = it.typeSpace().get(index);
    if (d instanceof ExportDecl e
        && e.type() instanceof ExternType.Type t
        && t.bound() instanceof TypeBound.Eq eq) {
      return typeIn(it, eq.type());
    }
    return d;
  }

  private static FuncDef funcIn(InstanceType it, String name) {
    ExportDecl e = it.export(name).orElseThrow(() -> new AssertionError("no export " + name));
    ExternType.Func f = assertInstanceOf(ExternType.Func.class, e.type());
    return assertInstanceOf(FuncDef.class, typeIn(it, f.type()));
  }

  @Test
  void typesGuestImportsHostInterfaceWithEveryTypeKind() {
    ComponentDef c = Guests.decode("types-c.wasm");
    assertEquals(1, c.imports().size());
    Import host = c.imports().get(0);
    ExternName.Interface name = assertInstanceOf(ExternName.Interface.class, host.name());
    assertEquals("test", name.namespace());
    assertEquals("guest", name.pkg());
    assertEquals("host", name.name());
    assertEquals(Optional.of("0.1.0"), name.version());

    InstanceType it = importedInstance(c, "test:guest/host@0.1.0");
    assertEquals(
        List.of(
            "color",
            "point",
            "perms",
            "shape",
            "get-name",
            "log",
            "counter",
            "[constructor]counter",
            "[method]counter.increment",
            "[method]counter.value",
            "[static]counter.make"),
        it.exports().stream()
            .map(e -> e.name().text())
            .sorted(GuestComponentsTest::witOrder)
            .toList());

    // point: record { x: s32, y: s32 }
    ExportDecl point = it.export("point").orElseThrow();
    int pointIndex = ((TypeBound.Eq) ((ExternType.Type) point.type()).bound()).type();
    RecordDef record = assertInstanceOf(RecordDef.class, typeIn(it, pointIndex));
    assertEquals(
        List.of(new LabelValType("x", PrimValType.S32), new LabelValType("y", PrimValType.S32)),
        record.fields());

    // color: enum, perms: flags, shape: variant with payloads f64, point and none
    assertEquals(new EnumDef(List.of("red", "green", "blue")), typeOf(it, "color"));
    assertEquals(new FlagsDef(List.of("read", "write", "exec")), typeOf(it, "perms"));
    VariantDef shape = assertInstanceOf(VariantDef.class, typeOf(it, "shape"));
    assertEquals(
        List.of("circle", "rect", "none"), shape.cases().stream().map(Case::label).toList());
    assertEquals(Optional.of(PrimValType.F64), shape.cases().get(0).type());
    assertEquals(Optional.empty(), shape.cases().get(2).type());

    // get-name: func() -> string; log: func(level: color, msg: string)
    FuncDef getName = funcIn(it, "get-name");
    assertEquals(List.of(), getName.params());
    assertEquals(Optional.of(PrimValType.STRING), getName.result());
    FuncDef log = funcIn(it, "log");
    assertEquals(List.of("level", "msg"), log.params().stream().map(LabelValType::label).toList());
    assertEquals(PrimValType.STRING, log.params().get(1).type());

    // counter: (sub resource), with a constructor, methods taking (borrow counter) and a static.
    ExportDecl counter = it.export("counter").orElseThrow();
    assertEquals(new ExternType.Type(new TypeBound.SubResource()), counter.type());
    FuncDef increment = funcIn(it, "[method]counter.increment");
    assertEquals("self", increment.params().get(0).label());
    BorrowDef self =
        assertInstanceOf(
            BorrowDef.class, typeIn(it, ((TypeIndex) increment.params().get(0).type()).index()));
    assertEquals(counter, it.typeSpace().get(self.resource()));
    assertEquals(Optional.of(PrimValType.U32), increment.result());
    FuncDef constructor = funcIn(it, "[constructor]counter");
    OwnDef own =
        assertInstanceOf(
            OwnDef.class, typeIn(it, ((TypeIndex) constructor.result().orElseThrow()).index()));
    assertEquals(counter, it.typeSpace().get(own.resource()));
    assertInstanceOf(
        ExternName.Method.class, it.export("[method]counter.value").orElseThrow().name());
    assertInstanceOf(
        ExternName.Static.class, it.export("[static]counter.make").orElseThrow().name());
  }

  private static DefType typeOf(InstanceType it, String exportName) {
    ExportDecl e = it.export(exportName).orElseThrow();
    int index = ((TypeBound.Eq) ((ExternType.Type) e.type()).bound()).type();
    return assertInstanceOf(DefType.class, typeIn(it, index));
  }

  private static int witOrder(String a, String b) {
    List<String> order =
        List.of(
            "color",
            "point",
            "perms",
            "shape",
            "get-name",
            "log",
            "counter",
            "[constructor]counter",
            "[method]counter.increment",
            "[method]counter.value",
            "[static]counter.make");
    return Integer.compare(order.indexOf(a), order.indexOf(b));
  }

  @Test
  void typesGuestExportsApiAndVersion() {
    ComponentDef c = Guests.decode("types-c.wasm");
    assertEquals(
        List.of("version", "test:guest/api@0.1.0"),
        c.exports().stream().map(e -> e.name().text()).toList());
    Export version = c.exportNamed("version").orElseThrow();
    assertEquals(Sort.FUNC, version.target().sort());
    CanonicalFunction.Lift lift =
        assertInstanceOf(CanonicalFunction.Lift.class, c.definition(version.target()));
    FuncDef type = assertInstanceOf(FuncDef.class, c.indexSpace(Sort.TYPE).get(lift.type()));
    assertEquals(List.of(), type.params());
    assertEquals(Optional.of(PrimValType.STRING), type.result());
    assertTrue(lift.options().memory().isPresent(), "a string result needs a memory");
    assertTrue(lift.options().postReturn().isPresent(), "cabi_post_version is the post-return");
    assertEquals(StringEncoding.UTF8, lift.options().stringEncoding());

    // The main module, wit-component's shim and fixup modules.
    assertEquals(3, c.coreModules().size());
    CoreModule main = c.coreModules().get(0);
    assertTrue(main.exports().stream().anyMatch(e -> e.name().equals("cabi_realloc")));
    assertEquals(1, main.memories().size());
    assertEquals(1, main.tables().size());
    assertTrue(main.globals().size() >= 1, "the stack pointer");
    assertEquals(new CoreExternType.Global(CoreValType.I32, true), main.globals().get(0));
    // area(s: shape) lowers the variant to (i32 discriminant, i64 joined f64/i32, i32).
    int area =
        main.exports().stream()
            .filter(e -> e.name().equals("test:guest/api@0.1.0#area"))
            .findFirst()
            .orElseThrow()
            .index();
    assertEquals(
        new CoreType.Func(
            List.of(CoreValType.I32, CoreValType.I64, CoreValType.I32), List.of(CoreValType.F64)),
        main.functionType(area));
    assertTrue(
        main.imports().stream()
            .anyMatch(
                i ->
                    i.module().equals("test:guest/host@0.1.0")
                        && i.name().equals("[constructor]counter")));
    assertEquals(6, c.coreInstances().size());

    // The exported blob resource: a resource type with a destructor, and its canon built-ins.
    List<ResourceDef> resources =
        c.definitions().stream()
            .filter(ResourceDef.class::isInstance)
            .map(ResourceDef.class::cast)
            .toList();
    assertEquals(1, resources.size());
    assertEquals(CoreValType.I32, resources.get(0).rep());
    assertTrue(resources.get(0).destructor().isPresent());
    assertTrue(
        c.canonicalFunctions().stream().anyMatch(CanonicalFunction.ResourceNew.class::isInstance));
    assertTrue(
        c.canonicalFunctions().stream().anyMatch(CanonicalFunction.ResourceDrop.class::isInstance));
    assertTrue(c.names().isPresent());
  }

  @Test
  void wasiCommandViaWasmComponentLd() {
    ComponentDef c = Guests.decode("wasi-command-c.wasm");
    assertEquals(16, c.imports().size());
    assertTrue(c.imports().stream().allMatch(i -> i.name() instanceof ExternName.Interface));
    assertTrue(
        c.imports().stream()
            .map(i -> ((ExternName.Interface) i.name()).version().orElseThrow())
            .allMatch("0.2.6"::equals));
    assertEquals(
        List.of("wasi:cli/run@0.2.6"), c.exports().stream().map(e -> e.name().text()).toList());
    // main module, the preview1 adapter, and wit-component's shim and fixup.
    assertEquals(4, c.coreModules().size());
    assertTrue(
        c.coreModules().get(1).exports().stream()
            .anyMatch(e -> e.name().equals("wasi:cli/run@0.2.6#run")));
    InstanceType streams = importedInstance(c, "wasi:io/streams@0.2.6");
    assertEquals(
        new ExternType.Type(new TypeBound.SubResource()),
        streams.export("output-stream").orElseThrow().type());
    FuncDef write = funcIn(streams, "[method]output-stream.write");
    assertEquals(
        List.of("self", "contents"), write.params().stream().map(LabelValType::label).toList());
    ListDef contents =
        assertInstanceOf(
            ListDef.class, typeIn(streams, ((TypeIndex) write.params().get(1).type()).index()));
    assertEquals(PrimValType.U8, contents.element());
    ResultDef result =
        assertInstanceOf(
            ResultDef.class, typeIn(streams, ((TypeIndex) write.result().orElseThrow()).index()));
    assertEquals(Optional.empty(), result.ok());
    assertTrue(result.error().isPresent());
  }

  @Test
  void wasiCommandViaJcoAdapter() {
    ComponentDef c = Guests.decode("jco-command-c.wasm");
    assertEquals(16, c.imports().size());
    assertTrue(
        c.imports().stream()
            .map(i -> ((ExternName.Interface) i.name()).version().orElseThrow())
            .allMatch("0.2.12"::equals));
    assertEquals(
        List.of("wasi:cli/run@0.2.12"), c.exports().stream().map(e -> e.name().text()).toList());
    assertEquals(4, c.coreModules().size());
    assertEquals(24, c.coreInstances().size());
    InstanceType env = importedInstance(c, "wasi:cli/environment@0.2.12");
    FuncDef getEnvironment = funcIn(env, "get-environment");
    ListDef list =
        assertInstanceOf(
            ListDef.class,
            typeIn(env, ((TypeIndex) getEnvironment.result().orElseThrow()).index()));
    TupleDef pair =
        assertInstanceOf(TupleDef.class, typeIn(env, ((TypeIndex) list.element()).index()));
    assertEquals(List.of(PrimValType.STRING, PrimValType.STRING), pair.types());
  }

  @Test
  void nestedComponentsComposedByHand() {
    ComponentDef c = Guests.decode("nested-wat.wasm");
    assertEquals(
        List.of("test:nested/log@0.1.0"), c.imports().stream().map(i -> i.name().text()).toList());
    assertEquals(
        List.of("test:nested/math@0.1.0", "double", "quad"),
        c.exports().stream().map(e -> e.name().text()).toList());
    assertEquals(2, c.components().size());
    ComponentDef math = c.components().get(0);
    ComponentDef calc = c.components().get(1);
    assertEquals(1, math.coreModules().size());
    assertEquals(
        List.of("add", "mul"),
        math.coreModules().get(0).exports().stream().map(CoreExport::name).toList());
    assertEquals(2, calc.coreModules().size());
    assertEquals(5, calc.coreInstances().size());
    CoreInstance.Instantiate code =
        assertInstanceOf(CoreInstance.Instantiate.class, calc.coreInstances().get(4));
    assertEquals(
        List.of("math", "host", "env"), code.args().stream().map(CoreInstance.Arg::name).toList());
    // calc imports math through an outer alias of the outer component's instance type.
    assertInstanceOf(Alias.Outer.class, calc.indexSpace(Sort.TYPE).get(0));
    CanonicalFunction.Lower logLowered =
        calc.canonicalFunctions().stream()
            .filter(CanonicalFunction.Lower.class::isInstance)
            .map(CanonicalFunction.Lower.class::cast)
            .filter(l -> l.options().memory().isPresent())
            .findFirst()
            .orElseThrow();
    assertEquals(StringEncoding.UTF8, logLowered.options().stringEncoding());
    // the outer component wires calc to math's exported instance.
    InstanceExpr.Instantiate calcInstance =
        assertInstanceOf(InstanceExpr.Instantiate.class, c.instances().get(1));
    assertEquals(1, calcInstance.component());
    assertEquals(
        List.of("test:nested/math@0.1.0", "log"),
        calcInstance.args().stream().map(InstanceExpr.Arg::name).toList());
    assertEquals(Optional.of("outer"), c.names().orElseThrow().componentName());
    assertEquals(Optional.of("calc"), c.names().orElseThrow().nameOf(Sort.COMPONENT, 1));
  }

  @Test
  void javascriptComponentFromComponentizeJs() {
    byte[] bytes = Guests.bytes("hello-js.wasm");
    assertTrue(bytes.length > 10_000_000, "StarlingMonkey is large");
    ComponentDef c = ComponentDecoder.decode(bytes);
    assertEquals(19, c.imports().size());
    assertEquals("test:hello/logger@0.1.0", c.imports().get(0).name().text());
    assertTrue(c.importNamed("wasi:http/types@0.2.10").isPresent());
    assertEquals(
        List.of("test:hello/greeter@0.1.0"),
        c.exports().stream().map(e -> e.name().text()).toList());
    assertEquals(4, c.coreModules().size());
    assertTrue(c.coreModules().get(0).bytes().remaining() > 10_000_000);
    InstanceType logger = importedInstance(c, "test:hello/logger@0.1.0");
    FuncDef log = funcIn(logger, "log");
    assertEquals(List.of(new LabelValType("msg", PrimValType.STRING)), log.params());
    assertEquals(Optional.empty(), log.result());
    InstanceType http = importedInstance(c, "wasi:http/types@0.2.10");
    assertTrue(http.export("[constructor]fields").isPresent());
  }
}
