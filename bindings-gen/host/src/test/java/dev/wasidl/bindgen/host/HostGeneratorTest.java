package dev.wasidl.bindgen.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.bindgen.wit.PackageName;
import dev.wasidl.bindgen.wit.Resolve;
import dev.wasidl.bindgen.wit.WitResolveException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the host generator writes, checked on the text. That the output compiles and works is shown
 * where its runtime lives: graal-host's build generates and compiles the WASI and wasi:dl host
 * interfaces, and its BindingsEndToEndTest runs a generated host against a real component.
 */
class HostGeneratorTest {
  private static final Path WIT = Path.of("../wit/src/test/resources/wit");

  private static Map<String, String> generate(String wit, Set<String> features) {
    Resolve r = new Resolve();
    PackageName root = r.addText("test.wit", wit);
    return HostGenerator.generate(r, r.selectWorld(root, Optional.empty()), "p", features);
  }

  @Test
  void wasiCommandWorldGivesOneInterfaceAndBindingsPerImport() {
    Resolve r = new Resolve();
    r.addDependencies(
        List.of("sockets", "filesystem", "random", "clocks", "io", "cli").stream()
            .map(p -> WIT.resolve("wasi-0.2.12").resolve(p))
            .toList());
    var world = r.world("wasi:cli/command@0.2.12").orElseThrow();
    Map<String, String> files = HostGenerator.generate(r, world, "x", Set.of());
    Set<String> names = new TreeSet<>(files.keySet());
    assertTrue(names.contains("x/wasi/io/Streams.java"), names.toString());
    assertTrue(names.contains("x/wasi/io/StreamsBindings.java"));
    assertTrue(names.contains("x/wasi/filesystem/Types.java"));
    // run is exported: a guest wrapper, no Linker glue
    assertTrue(names.contains("x/wasi/cli/RunGuest.java"));
    assertFalse(files.get("x/wasi/cli/RunBindings.java").contains("add("));
    // @unstable(feature = clocks-timezone) is left out unless enabled
    assertFalse(names.contains("x/wasi/clocks/Timezone.java"));
    String streams = files.get("x/wasi/io/Streams.java");
    assertTrue(streams.contains("java.lang.String NAME = \"wasi:io/streams@0.2.12\";"));
    assertTrue(
        streams.contains(
            "dev.wasidl.bindings.Result<byte[], x.wasi.io.Streams.StreamError> inputStreamRead("
                + "dev.wasidl.bindings.Resource<x.wasi.io.Streams.InputStream> self, long len);"),
        streams);
    assertTrue(streams.contains("void dropOutputStream("));
    // a used type (error from wasi:io/error) is spelled at its definition
    assertTrue(
        streams.contains(
            "record LastOperationFailed(dev.wasidl.bindings.Resource<x.wasi.io.Error.Error_> value)"),
        streams);
    // exit-with-code is stable since 0.2.12; network-error-code is @unstable
    assertTrue(files.get("x/wasi/cli/Exit.java").contains("void exitWithCode(byte statusCode);"));
    assertFalse(files.get("x/wasi/sockets/Network.java").contains("networkErrorCode"));
    String withFeature =
        HostGenerator.generate(r, world, "x", Set.of("network-error-code"))
            .get("x/wasi/sockets/Network.java");
    assertTrue(withFeature.contains(" networkErrorCode("), withFeature);
  }

  @Test
  void typeShapes() {
    Map<String, String> files =
        generate(
            """
            package t:s@1.0.0;
            interface i {
              record r { %type: u32, to-string: string, %interface: bool }
              variant v { a, i(u8), v(string) }
              enum e { x-y, z }
              flags f { read, write }
              resource res {
                constructor(n: u32);
                get: func() -> u32;
                make: static func() -> res;
              }
              wait: func(a: tuple<u8, s64>, b: list<u8>, c: list<list<string>>) -> option<e>;
              r2: func(x: result, y: result<_, string>, z: borrow<res>) -> result<f>;
            }
            world w { import i; }
            """,
            Set.of());
    String i = files.get("p/t/s/I.java");
    assertTrue(
        i.contains("record R(int type, java.lang.String toString_, boolean interface_) {}"), i);
    assertTrue(i.contains("sealed interface V {"), i);
    assertTrue(i.contains("record I(byte value) implements V {}"), i);
    assertTrue(i.contains("record V_(java.lang.String value) implements V {}"), i);
    assertTrue(i.contains("    X_Y(\"x-y\"),"), i);
    assertTrue(i.contains("enum F {"), i);
    assertTrue(i.contains("final class Res {"), i);
    assertTrue(i.contains("dev.wasidl.bindings.Resource<p.t.s.I.Res> newRes(int n);"), i);
    assertTrue(i.contains("int resGet(dev.wasidl.bindings.Resource<p.t.s.I.Res> self);"), i);
    assertTrue(i.contains("dev.wasidl.bindings.Resource<p.t.s.I.Res> resMake();"), i);
    assertTrue(i.contains("void dropRes(dev.wasidl.bindings.Resource<Res> self);"), i);
    // `wait` would clash with Object.wait
    assertTrue(
        i.contains(
            "java.util.Optional<p.t.s.I.E> wait_(dev.wasidl.bindings.Tuple2<java.lang.Byte,"
                + " java.lang.Long> a, byte[] b, java.util.List<java.util.List<java.lang.String>>"
                + " c);"),
        i);
    assertTrue(
        i.contains(
            "dev.wasidl.bindings.Result<java.util.Set<p.t.s.I.F>, java.lang.Void> r2("
                + "dev.wasidl.bindings.Result<java.lang.Void, java.lang.Void> x,"
                + " dev.wasidl.bindings.Result<java.lang.Void, java.lang.String> y,"
                + " dev.wasidl.bindings.Resource<p.t.s.I.Res> z);"),
        i);
    String b = files.get("p/t/s/IBindings.java");
    assertTrue(b.contains("li.func(\n        \"[static]res.make\","), b);
    assertTrue(b.contains("li.resource(\"res\", RES,"), b);
    assertTrue(b.contains("liftTuple0(dev.wasidl.types.Val v)"), b);
    assertTrue(
        b.contains("dev.wasidl.bindings.Convert.borrow(") || b.contains("asResource(args.get(2))"),
        b);
  }

  @Test
  void compiledLoweringsTakeTheFlatCoreSignature() {
    String flags33 =
        java.util.stream.IntStream.range(0, 33)
            .mapToObj(n -> "flag" + n)
            .collect(java.util.stream.Collectors.joining(", "));
    Map<String, String> files =
        generate(
            """
            package t:l@1.0.0;
            interface i {
              variant joined { a(f32), b(s64), c }
              flags wide { %s }
              prims: func(a: u8, b: f32, c: s64) -> f64;
              text: func(s: string) -> string;
              join: func(x: joined) -> joined;
              spill: func(a: u32, b: u32, c: u32, d: u32, e: u32, f: u32, g: u32, h: u32, i: u32,
                          j: u32, k: u32, l: u32, m: u32, n: u32, o: u32, p: u32, q: u32) -> u32;
              too-wide: func(w: wide);
            }
            world w { import i; }
            """
                .formatted(flags33),
            Set.of());
    String b = files.get("p/t/l/IBindings.java");
    String host = "java.util.function.Function<java.lang.Object, ? extends p.t.l.I> host, ";
    // one flat value out: returned; more: stored through the out-pointer the guest passes last
    assertTrue(
        b.contains(
            "private static double lower$prims("
                + host
                + "dev.wasidl.abi.HostCall cx, int p0, float p1, long p2)"),
        b);
    assertTrue(
        b.contains(
            "private static void lower$text("
                + host
                + "dev.wasidl.abi.HostCall cx, int p0, int p1, int out)"),
        b);
    assertTrue(b.contains("java.lang.String a0 = cx.liftString(p0, p1);"), b);
    assertTrue(b.contains("int rp = cx.resultPointer(out, 8, 4);"), b);
    // a variant's payloads share its joined slots: f32 and s64 meet in an i64
    assertTrue(
        b.contains(
            "private static void lower$join("
                + host
                + "dev.wasidl.abi.HostCall cx, int p0, long p1, int out)"),
        b);
    assertTrue(b.contains("java.lang.Float.intBitsToFloat((int) p1)"), b);
    // 17 flat parameters spill into one pointer to their tuple in memory
    assertTrue(
        b.contains(
            "private static int lower$spill(" + host + "dev.wasidl.abi.HostCall cx, int p0)"),
        b);
    assertTrue(b.contains("int sp = cx.spilledParams(p0, 68, 4);"), b);
    assertTrue(b.contains("new dev.wasidl.runtime.HostLowering("), b);
    // flags beyond one word keep the Val path only
    assertTrue(!b.contains("lower$tooWide"), b);
  }

  @Test
  void aClassNamedLikeItsInterfaceGetsAnUnderscore() {
    Map<String, String> files =
        generate(
            "package t:s;\ninterface thing { record thing { a: u8 } }\nworld w { import thing; }",
            Set.of());
    assertTrue(files.get("p/t/s/Thing.java").contains("record Thing_(byte a) {}"));
  }

  @Test
  void worldFunctionsGoToTheWorldsOwnUnits() {
    Map<String, String> files =
        generate(
            """
            package t:w;
            world w {
              record pt { x: s32 }
              import log: func(msg: string);
              export area: func(p: pt) -> f64;
            }
            """,
            Set.of());
    assertTrue(files.get("p/t/w/W.java").contains("void log(java.lang.String msg);"));
    assertTrue(files.get("p/t/w/WBindings.java").contains("linker.func(\n        \"log\","));
    assertTrue(files.get("p/t/w/WExports.java").contains("double area(p.t.w.W.Pt p);"));
    assertTrue(files.get("p/t/w/WExportsGuest.java").contains(".func(\"area\")"));
  }

  @Test
  void unsupportedTypesAreNamed() {
    WitResolveException e =
        assertThrows(
            WitResolveException.class,
            () ->
                generate(
                    "package t:s;\ninterface i { f: func() -> future<u8>; }\nworld w { import i; }",
                    Set.of()));
    assertEquals("Java host bindings do not support futures yet", e.getMessage());
  }

  @Test
  void commandLineWritesAndCleansTheOutput(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    Files.createDirectories(out.resolve("stale"));
    Files.writeString(out.resolve("stale/Old.java"), "old");
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int status =
        WitMain.run(
            List.of(
                "--wit",
                WIT.resolve("wasi-dl").toString(),
                "--package",
                "q",
                "--out",
                out.toString()),
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8));
    assertEquals(0, status, e.toString(StandardCharsets.UTF_8));
    assertFalse(Files.exists(out.resolve("stale/Old.java")));
    assertTrue(Files.exists(out.resolve("q/wasi/dl/Ffi.java")));
    assertTrue(
        Files.readString(out.resolve("q/wasi/dl/Dll.java")).contains("wasi:dl/dll@0.2.0-draft"));
    assertEquals(2, WitMain.run(List.of("--wit"), new PrintStream(o), new PrintStream(e)));
    assertEquals(
        1,
        WitMain.run(
            List.of(
                "--wit", tmp.resolve("none").toString(), "--package", "q", "--out", out.toString()),
            new PrintStream(o),
            new PrintStream(e)));
  }
}
