package dev.wasidl.bindgen.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.bindgen.wit.WitType.Handle;
import dev.wasidl.bindgen.wit.WitType.HandleKind;
import dev.wasidl.bindgen.wit.WitType.ListType;
import dev.wasidl.bindgen.wit.WitType.Named;
import dev.wasidl.bindgen.wit.WitType.ResultType;
import dev.wasidl.types.Primitive;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** WASI 0.2.12 (all seven packages) parsed, resolved and checked against its real content. */
class WasiTest {
  static final String V = "@0.2.12";
  static Resolve wasi;

  @BeforeAll
  static void load() {
    wasi = Fixtures.wasi();
  }

  static TypeOwner.Interface iface(String pkg, String name) {
    return new TypeOwner.Interface(PackageName.parse(pkg + V), name);
  }

  static List<String> keys(List<WorldItem> items) {
    return items.stream().map(WorldItem::key).toList();
  }

  @Test
  void allPackagesInDependencyOrder() {
    List<String> names = wasi.packages().stream().map(p -> p.name().toString()).toList();
    assertEquals(7, names.size());
    // given in reverse; io has no dependencies, http depends on everything it uses
    assertTrue(names.indexOf("wasi:io" + V) < names.indexOf("wasi:clocks" + V));
    assertTrue(names.indexOf("wasi:clocks" + V) < names.indexOf("wasi:filesystem" + V));
    assertTrue(names.indexOf("wasi:cli" + V) < names.indexOf("wasi:http" + V));
    assertEquals(
        32, wasi.packages().stream().mapToInt(p -> p.interfaces().size()).sum(), "interfaces");
    assertEquals(9, wasi.packages().stream().mapToInt(p -> p.worlds().size()).sum(), "worlds");
  }

  @Test
  void outputStreamBlockingWriteAndFlush() {
    Interface streams = wasi.iface("wasi:io/streams" + V).orElseThrow();
    TypeOwner owner = streams.owner();
    assertInstanceOf(
        TypeDefKind.ResourceType.class, streams.type("output-stream").orElseThrow().kind());
    WitFunction f = streams.method("output-stream", "blocking-write-and-flush").orElseThrow();
    assertEquals("[method]output-stream.blocking-write-and-flush", f.componentName());
    TypeRef outputStream = new TypeRef(owner, "output-stream");
    assertEquals(new FunctionKind.Method(outputStream), f.kind());
    assertEquals(
        List.of(
            new Param("self", new Handle(HandleKind.BORROW, outputStream)),
            new Param("contents", new ListType(WitType.of(Primitive.U8)))),
        f.params());
    assertEquals(
        Optional.of(
            new ResultType(
                Optional.empty(), Optional.of(new Named(new TypeRef(owner, "stream-error"))))),
        f.result());
    assertEquals(Gate.since("0.2.0"), f.gate());
    assertTrue(
        f.docs().startsWith("Perform a write of up to 4096 bytes, and then flush the stream."));
  }

  @Test
  void usedNamesAreAliasesOfTheirDefinition() {
    Interface streams = wasi.iface("wasi:io/streams" + V).orElseThrow();
    TypeDef error = streams.type("error").orElseThrow();
    assertEquals(
        new TypeDefKind.Alias(new Named(new TypeRef(iface("wasi:io", "error"), "error"))),
        error.kind());
    TypeDef def = wasi.definition(new TypeRef(streams.owner(), "error"));
    assertInstanceOf(TypeDefKind.ResourceType.class, def.kind());
    assertTrue(def.docs().startsWith("A resource which represents some error information."));
    assertEquals(
        List.of(iface("wasi:io", "error"), iface("wasi:io", "poll")),
        Resolve.dependencies(streams));
    // the stream-error variant's payload is the used name, owned by streams
    var cases =
        ((TypeDefKind.VariantType) streams.type("stream-error").orElseThrow().kind()).cases();
    assertEquals(
        List.of("last-operation-failed", "closed"), cases.stream().map(WitCase::name).toList());
    assertEquals(
        Optional.of(new Named(new TypeRef(streams.owner(), "error"))), cases.get(0).type());
    assertEquals(Optional.empty(), cases.get(1).type());
    assertTrue(
        cases.get(1).docs().startsWith("The stream is closed: no more input will be accepted"));
  }

  @Test
  void filesystemDescriptor() {
    Interface types = wasi.iface("wasi:filesystem/types" + V).orElseThrow();
    TypeOwner o = types.owner();
    WitFunction read = types.method("descriptor", "read-via-stream").orElseThrow();
    assertEquals(new Param("offset", new Named(new TypeRef(o, "filesize"))), read.params().get(1));
    assertEquals(
        Optional.of(
            new ResultType(
                Optional.of(new Named(new TypeRef(o, "input-stream"))),
                Optional.of(new Named(new TypeRef(o, "error-code"))))),
        read.result());
    assertEquals(
        new TypeDefKind.Alias(new Named(new TypeRef(iface("wasi:io", "streams"), "input-stream"))),
        types.type("input-stream").orElseThrow().kind());
    TypeDefKind.FlagsType flags =
        (TypeDefKind.FlagsType) types.type("descriptor-flags").orElseThrow().kind();
    assertEquals(
        List.of(
            "read",
            "write",
            "file-integrity-sync",
            "data-integrity-sync",
            "requested-write-sync",
            "mutate-directory"),
        flags.flags().stream().map(WitCase::name).toList());
    assertEquals(
        new TypeDefKind.Alias(WitType.of(Primitive.U64)),
        types.type("filesize").orElseThrow().kind());
    assertEquals(27, types.resourceFunctions("descriptor").size());
  }

  @Test
  void httpFieldsConstructorAndStatics() {
    Interface types = wasi.iface("wasi:http/types" + V).orElseThrow();
    TypeRef fields = new TypeRef(types.owner(), "fields");
    WitFunction ctor = types.function("[constructor]fields").orElseThrow();
    assertEquals(new FunctionKind.Constructor(fields), ctor.kind());
    assertEquals(List.of(), ctor.params());
    assertEquals(Optional.of(new Named(fields)), ctor.result());
    WitFunction fromList = types.function("[static]fields.from-list").orElseThrow();
    assertEquals(new FunctionKind.Static(fields), fromList.kind());
    assertEquals(
        new Param(
            "entries",
            new ListType(
                new WitType.TupleType(
                    List.of(
                        new Named(new TypeRef(types.owner(), "field-name")),
                        new Named(new TypeRef(types.owner(), "field-value")))))),
        fromList.params().get(0));
    // a deprecated type keeps both gates
    assertEquals(
        Gate.since("0.2.0").withDeprecated("0.2.2"), types.type("field-key").orElseThrow().gate());
  }

  @Test
  void cliCommandWorldIsElaborated() {
    World command = wasi.world("wasi:cli/command" + V).orElseThrow();
    assertEquals(List.of("wasi:cli/run" + V), keys(command.exports()));
    List<String> imports = keys(command.imports());
    for (String expected :
        List.of(
            "wasi:cli/environment",
            "wasi:cli/exit",
            "wasi:cli/stdin",
            "wasi:cli/terminal-stderr",
            "wasi:io/error",
            "wasi:io/poll",
            "wasi:io/streams",
            "wasi:clocks/monotonic-clock",
            "wasi:clocks/wall-clock",
            "wasi:filesystem/types",
            "wasi:filesystem/preopens",
            "wasi:sockets/tcp",
            "wasi:sockets/network",
            "wasi:random/insecure-seed")) {
      assertTrue(imports.contains(expected + V), expected);
    }
    assertEquals(imports.size(), imports.stream().distinct().count(), "deduplicated");
    // every interface is imported after the interfaces it uses
    for (WorldItem item : command.imports()) {
      if (item instanceof WorldItem.InterfaceItem i) {
        for (TypeOwner.Interface dep : Resolve.dependencies(wasi.iface(i.iface()).orElseThrow())) {
          assertTrue(
              imports.indexOf(dep.toString()) < imports.indexOf(i.key()),
              dep + " before " + i.key());
        }
      }
    }
  }

  @Test
  void httpProxyWorld() {
    World proxy = wasi.world("wasi:http/proxy" + V).orElseThrow();
    assertEquals(List.of("wasi:http/incoming-handler" + V), keys(proxy.exports()));
    List<String> imports = keys(proxy.imports());
    assertTrue(imports.contains("wasi:http/outgoing-handler" + V));
    assertTrue(imports.contains("wasi:cli/stdout" + V));
    // implicit: incoming-handler uses types, which uses io/streams and io/error
    assertTrue(
        imports.indexOf("wasi:http/types" + V) < imports.indexOf("wasi:http/outgoing-handler" + V));
    assertTrue(imports.indexOf("wasi:io/streams" + V) < imports.indexOf("wasi:http/types" + V));
    WorldItem stdin = proxy.importNamed("wasi:cli/stdin" + V).orElseThrow();
    assertTrue(stdin.docs().startsWith("TODO: this is a temporary workaround"));
    assertEquals(Gate.since("0.2.0"), stdin.gate());
    WorldItem implicit = proxy.importNamed("wasi:http/types" + V).orElseThrow();
    assertEquals(new WorldItem.InterfaceItem(iface("wasi:http", "types"), "", Gate.NONE), implicit);
  }

  @Test
  void everyWorldSelects() {
    for (WitPackage p : wasi.packages()) {
      for (World w : p.worlds()) {
        assertEquals(w, wasi.selectWorld(p.name(), Optional.of(w.name())));
        assertEquals(w, wasi.world(p.name().qualify(w.name())).orElseThrow());
      }
    }
    assertEquals(
        "imports", wasi.selectWorld(PackageName.parse("wasi:io" + V), Optional.empty()).name());
    // lookups without the version when only one is present
    assertTrue(wasi.iface("wasi:io/streams").isPresent());
  }

  @Test
  void unstableAndSinceGates() {
    Interface exit = wasi.iface("wasi:cli/exit" + V).orElseThrow();
    assertEquals(Gate.since("0.2.12"), exit.function("exit-with-code").orElseThrow().gate());
    assertEquals(Gate.since("0.2.0"), exit.gate());
  }
}
