package dev.wasidl.bindgen.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasidl.types.Primitive;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** wasi:keyvalue@0.2.0-draft2 (WebAssembly/wasi-keyvalue main), a folder package. */
class KeyvalueTest {
  @Test
  void worlds() {
    Resolve r = new Resolve();
    PackageName name = r.addPackageDir(Fixtures.ROOT.resolve("keyvalue"));
    assertEquals("wasi:keyvalue@0.2.0-draft2", name.toString());
    WitPackage p = r.pkg(name).orElseThrow();
    assertEquals(
        List.of("imports", "watch-service"), p.worlds().stream().map(World::name).toList());
    World imports = r.selectWorld(name, Optional.of("imports"));
    assertEquals(
        List.of(
            "wasi:keyvalue/store@0.2.0-draft2",
            "wasi:keyvalue/atomics@0.2.0-draft2",
            "wasi:keyvalue/batch@0.2.0-draft2"),
        imports.imports().stream().map(WorldItem::key).toList());
    World watch = r.world("wasi:keyvalue/watch-service@0.2.0-draft2").orElseThrow();
    assertEquals(
        List.of("wasi:keyvalue/watcher@0.2.0-draft2"),
        watch.exports().stream().map(WorldItem::key).toList());
    assertEquals(imports.imports(), watch.imports(), "include imports; watcher's store is there");

    Interface store = r.iface("wasi:keyvalue/store@0.2.0-draft2").orElseThrow();
    TypeRef bucket = new TypeRef(store.owner(), "bucket");
    WitFunction get = store.method("bucket", "get").orElseThrow();
    assertEquals(
        Optional.of(
            new WitType.ResultType(
                Optional.of(new WitType.OptionType(new WitType.ListType(WitType.of(Primitive.U8)))),
                Optional.of(new WitType.Named(new TypeRef(store.owner(), "error"))))),
        get.result());
    assertEquals(new FunctionKind.Method(bucket), get.kind());
    Interface watcher = r.iface("wasi:keyvalue/watcher@0.2.0-draft2").orElseThrow();
    assertEquals(List.of(store.owner()), Resolve.dependencies(watcher));
  }
}
