package dev.wasidl.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.component.ComponentDef;
import dev.wasidl.component.Decl;
import dev.wasidl.component.ExportDecl;
import dev.wasidl.component.ExternType;
import dev.wasidl.component.Import;
import dev.wasidl.component.InstanceType;
import dev.wasidl.component.Sort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolving the decoder's types of real guests and of hand-made components. */
class TypeResolverTest {
  static ComponentDef guest(String name) {
    try (InputStream in = TypeResolverTest.class.getResourceAsStream("/guests/" + name)) {
      return ComponentDef.decode(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The guest of testdata/guests/types-c: its import {@code test:guest/host}, resolved. */
  @Test
  void importedInstanceFunctions() {
    ComponentDef c = guest("types-c.wasm");
    TypeResolver host = TypeResolver.of(c).instance(0);
    Map<String, String> expected =
        Map.of(
            "get-name", "func() -> string",
            "log", "func(level: enum { red, green, blue }, msg: string)",
            "[constructor]counter", "func(start: u32) -> own<counter>",
            "[method]counter.increment", "func(self: borrow<counter>, by: u32) -> u32",
            "[method]counter.value", "func(self: borrow<counter>) -> u32",
            "[static]counter.make", "func() -> own<counter>");
    expected.forEach((name, wit) -> assertEquals(wit, host.exportedFunc(name).toString(), name));
  }

  /**
   * Its export {@code test:guest/api}: an instance of a nested component instantiated with args.
   */
  @Test
  void exportedInstanceFunctions() {
    ComponentDef c = guest("types-c.wasm");
    TypeResolver r = TypeResolver.of(c);
    TypeResolver api = r.instance(2);
    Map<String, String> expected =
        Map.of(
            "greet",
            "func(p: record { name: string, age: u8, tags: list<string>, home:"
                + " option<record { x: s32, y: s32 }> }) -> string",
            "area",
            "func(s: variant { circle(f64), rect(record { x: s32, y: s32 }), none }) -> f64",
            "check",
            "func(c: enum { red, green, blue }, p: flags { read, write, exec }) -> tuple<bool, u32>",
            "parse",
            "func(s: string) -> result<s64, string>",
            "sum",
            "func(xs: list<s32>) -> option<s64>",
            "mix",
            "func(a: s8, b: u16, c: char, d: f32) -> u64",
            "[constructor]blob",
            "func(data: list<u8>) -> own<blob>",
            "[method]blob.read",
            "func(self: borrow<blob>, offset: u32, len: u32) -> result<list<u8>, string>");
    expected.forEach((name, wit) -> assertEquals(wit, api.exportedFunc(name).toString(), name));
    assertEquals("func() -> string", r.exportedFunc("version").toString());
  }

  @Test
  void resourcesKeepTheirIdentity() {
    ComponentDef c = guest("types-c.wasm");
    TypeResolver r = TypeResolver.of(c);
    TypeResolver host = r.instance(0);
    ResourceType counter = host.exportedResource("counter");
    assertSame(
        counter, resourceOf(host.exportedFunc("[constructor]counter").result().orElseThrow()));
    assertSame(counter, resourceOf(host.exportedFunc("[method]counter.value").paramTypes().get(0)));
    assertEquals(ResourceType.Definer.ABSTRACT, counter.definer());

    TypeResolver api = r.instance(2);
    ResourceType blob = resourceOf(api.exportedFunc("[constructor]blob").result().orElseThrow());
    assertSame(blob, resourceOf(api.exportedFunc("[method]blob.size").paramTypes().get(0)));
    assertSame(blob, api.exportedResource("blob"));
    assertEquals(ResourceType.Definer.GUEST, blob.definer());
    assertNotSame(counter, blob);
  }

  private static ResourceType resourceOf(Type t) {
    return switch (t) {
      case OwnType o -> o.resource();
      case BorrowType b -> b.resource();
      default -> throw new AssertionError("not a handle: " + t);
    };
  }

  /** Every function every committed guest imports (from an instance) or exports resolves. */
  @Test
  void everyGuestResolves() {
    int functions = 0;
    for (String name :
        List.of(
            "types-c.wasm",
            "wasi-command-c.wasm",
            "jco-command-c.wasm",
            "hello-js.wasm",
            "nested-wat.wasm")) {
      ComponentDef c = guest(name);
      TypeResolver r = TypeResolver.of(c);
      var instances = c.indexSpace(Sort.INSTANCE);
      for (int i = 0; i < instances.size(); i++) {
        if (instances.get(i) instanceof Import imp
            && imp.type() instanceof ExternType.Instance it
            && c.indexSpace(Sort.TYPE).get(it.type()) instanceof InstanceType type) {
          for (Decl d : type.decls()) {
            if (d instanceof ExportDecl e && e.type() instanceof ExternType.Func) {
              assertTrue(
                  r.instance(i).exportedFunc(e.name().text()).toString().startsWith("func("));
              functions++;
            }
          }
        }
      }
      var funcs = c.indexSpace(Sort.FUNC);
      for (int f = 0; f < funcs.size(); f++) {
        r.funcTypeOfFunc(f);
        functions++;
      }
    }
    assertTrue(functions > 100, functions + " functions");
  }

  /**
   * Two imports of one instance type that exports an abstract resource: each import has its own
   * resource type, the same through every function of that import.
   */
  @Test
  void eachImportOfAnInstanceTypeHasItsOwnResources() {
    byte[] instanceType =
        cat(
            bytes(0x42),
            vec(
                // (export "r" (type (sub resource)))
                cat(bytes(0x04), externName("r"), bytes(0x03, 0x01)),
                // (type (own 0))
                bytes(0x01, 0x69, 0x00),
                // (type (func (param "h" 1)))
                cat(bytes(0x01, 0x40), vec(cat(name("h"), bytes(0x01))), bytes(0x01, 0x00)),
                // (export "f" (func (type 2)))
                cat(bytes(0x04), externName("f"), bytes(0x01, 0x02))));
    byte[] component =
        cat(
            bytes(0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00),
            section(7, vec(instanceType)),
            section(
                10,
                vec(
                    cat(externName("a:b/x"), bytes(0x05, 0x00)),
                    cat(externName("a:b/y"), bytes(0x05, 0x00)))));
    ComponentDef c = ComponentDef.decode(component);
    TypeResolver r = TypeResolver.of(c);
    ResourceType x = r.instance(0).exportedResource("r");
    ResourceType y = r.instance(1).exportedResource("r");
    assertNotSame(x, y);
    assertEquals("r", x.name());
    assertSame(x, resourceOf(r.instance(0).exportedFunc("f").paramTypes().get(0)));
    assertSame(y, resourceOf(r.instance(1).exportedFunc("f").paramTypes().get(0)));
    assertEquals("func(h: own<r>)", r.instance(1).exportedFunc("f").toString());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.funcType(0));
    assertTrue(e.getMessage().contains("not a function type"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> r.instance(0).exportedFunc("g"));
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] vec(byte[]... elements) {
    return cat(bytes(elements.length), cat(elements));
  }

  private static byte[] name(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    return cat(bytes(utf8.length), utf8);
  }

  private static byte[] externName(String s) {
    return cat(bytes(0x00), name(s));
  }

  private static byte[] section(int id, byte[] body) {
    return cat(bytes(id, body.length), body);
  }
}
