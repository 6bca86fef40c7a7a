package dev.wasidl.compose;

import static dev.wasidl.cli.CliRun.wasidl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.cli.CliRun;
import dev.wasidl.component.ComponentDef;
import dev.wasidl.testkit.component.Guests;
import dev.wasidl.testkit.plugins.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wasidl compose} on a hand-written pair (guests/compose-wat): the plugin exports
 * test:compose/counter@0.1.0 (a resource, a named record, strings) and prints through
 * wasi:cli/stdout@0.2.0; the app imports it and wasi:cli/stdout@0.2.6. The composition runs on our
 * host and on node + jco with the same output.
 */
class ComposeTest {
  static final String RUN = "test:compose/app@0.1.0#run()";
  static final String STDOUT = "provider: new counter\nhello, compose\n";

  @TempDir Path tmp;

  static byte[] guest(String name) {
    return Guests.bytes(name);
  }

  static Path copy(Path dir, String name) throws IOException {
    return Files.write(dir.resolve(name), guest(name));
  }

  private Path composed() throws IOException {
    Path out = tmp.resolve("composed.wasm");
    CliRun r =
        wasidl(
            "compose",
            "--plug",
            copy(tmp, "compose-provider.wasm").toString(),
            copy(tmp, "compose-app.wasm").toString(),
            "-o",
            out.toString());
    assertEquals(new CliRun(0, "", ""), r);
    return out;
  }

  @Test
  void theCompositionRunsOnOurHost() throws IOException {
    Path out = composed();
    assertEquals(
        new CliRun(0, STDOUT + "2207\n", ""), wasidl("run", "--invoke", RUN, out.toString()));
  }

  /** Only the host's imports remain, WASI merged at the app's 0.2.6; the app's export is kept. */
  @Test
  void theCompositionsWorldIsTheAppsExportAndTheRemainingImports() throws IOException {
    ComponentDef c = ComponentDef.decode(Files.readAllBytes(composed()));
    assertEquals(
        List.of("wasi:io/error@0.2.6", "wasi:io/streams@0.2.6", "wasi:cli/stdout@0.2.6"),
        c.imports().stream().map(i -> i.name().text()).toList());
    assertEquals(
        List.of("test:compose/app@0.1.0"), c.exports().stream().map(e -> e.name().text()).toList());
    assertEquals(2, c.components().size());
    CliRun wit = wasidl("wit", tmp.resolve("composed.wasm").toString());
    assertEquals(0, wit.code(), wit.err());
    assertTrue(
        wit.out()
            .startsWith(
                """
                package root:component;

                world root {
                  import wasi:io/error@0.2.6;
                  import wasi:io/streams@0.2.6;
                  import wasi:cli/stdout@0.2.6;

                  export test:compose/app@0.1.0;
                }
                """),
        wit.out());
    assertTrue(wit.out().contains("use wasi:io/streams@0.2.6.{output-stream};"), wit.out());
  }

  /** The parts are nested byte for byte. */
  @Test
  void thePartsAreNestedUnchanged() {
    byte[] plugin = guest("compose-provider.wasm");
    byte[] app = guest("compose-app.wasm");
    ComponentDef c =
        ComponentDef.decode(
            Composer.compose(Part.of("app.wasm", app), List.of(Part.of("plugin.wasm", plugin))));
    assertEquals(java.nio.ByteBuffer.wrap(plugin), c.components().get(0).bytes(), "the plugin");
    assertEquals(java.nio.ByteBuffer.wrap(app), c.components().get(1).bytes(), "the app");
  }

  @Test
  void theCompositionRunsOnNodeWithJco() throws IOException, InterruptedException {
    Path out = composed();
    assertTrue(Node.jcoPrint(out).contains("(instance (;6;)"));
    assertEquals(
        "{\"stdout\":\"provider: new counter\\nhello, compose\\n\",\"stderr\":\"\",\"exit\":0,"
            + "\"calls\":[{\"call\":\"app.run\",\"value\":2207}]}\n",
        Node.run("wasi-run.mjs", "--call", "app.run", "[]", out.toString()));
  }

  /**
   * The plugin flushes with blocking-flush, which the app's wasi:io/streams@0.2.6 (the newer one,
   * the composition's) does not declare: the composition's import declares both parts' functions.
   */
  @Test
  void mergedImportsDeclareWhatEitherPartUses() throws IOException {
    ComponentDef c = ComponentDef.decode(Files.readAllBytes(composed()));
    CliRun wit = wasidl("wit", tmp.resolve("composed.wasm").toString());
    assertTrue(
        wit.out()
            .contains(
                """
                    resource output-stream {
                      blocking-write-and-flush: func(contents: list<u8>) -> result<_, stream-error>;
                      blocking-flush: func() -> result<_, stream-error>;
                    }
                """),
        wit.out());
    assertTrue(c.importNamed("wasi:io/streams@0.2.0").isEmpty());
  }

  /** A plugin exporting counter@0.1.1 serves the app's import of counter@0.1.0. */
  @Test
  void aCompatibleVersionOfTheImportIsWired() throws IOException {
    Path out = tmp.resolve("composed.wasm");
    Files.write(
        out,
        Composer.compose(
            Part.of("app.wasm", guest("compose-app.wasm")),
            List.of(Part.of("plugin.wasm", guest("compose-provider-0.1.1.wasm")))));
    assertEquals(
        new CliRun(0, STDOUT + "2207\n", ""), wasidl("run", "--invoke", RUN, out.toString()));
  }

  @Test
  void importsThatCannotMergeAreRefusedNamingBoth() {
    ComposeException e =
        assertThrows(
            ComposeException.class,
            () ->
                Composer.compose(
                    Part.of("app.wasm", guest("compose-app.wasm")),
                    List.of(Part.of("plugin.wasm", guest("compose-provider-stdout-u32.wasm")))));
    assertTrue(
        e.getMessage()
            .startsWith(
                "cannot merge app.wasm's import wasi:cli/stdout@0.2.6 into plugin.wasm's import"
                    + " wasi:cli/stdout@0.2.9: "),
        e.getMessage());
  }

  @Test
  void twoPluginsExportingOneImportAreRefused() {
    ComposeException e =
        assertThrows(
            ComposeException.class,
            () ->
                Composer.compose(
                    Part.of("app.wasm", guest("compose-app.wasm")),
                    List.of(
                        Part.of("a.wasm", guest("compose-provider.wasm")),
                        Part.of("b.wasm", guest("compose-provider-0.1.1.wasm")))));
    assertEquals(
        "both a.wasm (test:compose/counter@0.1.0) and b.wasm (test:compose/counter@0.1.1) export"
            + " app.wasm's import test:compose/counter@0.1.0",
        e.getMessage());
  }

  /**
   * The runtime plugging pair (plug-wat: the app exports functions at the top level and imports a
   * host function {@code hook}) composes too; its wrong-type and wrong-name apps are refused.
   */
  @Test
  void thePluggingPairComposes() throws IOException, InterruptedException {
    Path out = tmp.resolve("plug.wasm");
    Files.write(
        out,
        Composer.compose(
            Part.of("plug-consumer-wat.wasm", guest("plug-consumer-wat.wasm")),
            List.of(Part.of("plug-provider-wat.wasm", guest("plug-provider-wat.wasm")))));
    ComponentDef c = ComponentDef.decode(Files.readAllBytes(out));
    assertEquals(List.of("hook"), c.imports().stream().map(i -> i.name().text()).toList());
    assertEquals(
        new CliRun(0, "5\n", ""),
        wasidl("run", "--trap-unknown-imports", "--invoke", "len(\"hello\")", out.toString()));
    assertEquals(
        new CliRun(0, "1\n", ""),
        wasidl("run", "--trap-unknown-imports", "--invoke", "make(40)", out.toString()));
    assertTrue(Node.jcoPrint(out).contains("(export (;"));
    for (String app : List.of("plug-wrong-type-wat.wasm", "plug-wrong-name-wat.wasm")) {
      ComposeException e =
          assertThrows(
              ComposeException.class,
              () ->
                  Composer.compose(
                      Part.of(app, guest(app)),
                      List.of(Part.of("plug-provider-wat.wasm", guest("plug-provider-wat.wasm")))));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "plug-provider-wat.wasm's export test:plug/counters@0.1.0 does not match "
                      + app
                      + "'s import test:plug/counters@0.1.0: "),
          e.getMessage());
    }
  }

  @Test
  void aPluginWhoseExportDoesNotMatchTheImportIsRefusedNamingBoth() {
    ComposeException e =
        assertThrows(
            ComposeException.class,
            () ->
                Composer.compose(
                    Part.of("app.wasm", guest("compose-app.wasm")),
                    List.of(Part.of("bad.wasm", guest("compose-provider-mismatch.wasm")))));
    assertTrue(
        e.getMessage()
            .startsWith(
                "bad.wasm's export test:compose/counter@0.1.0 does not match app.wasm's import"
                    + " test:compose/counter@0.1.0: "),
        e.getMessage());
  }

  @Test
  void aPluginExportingNothingTheAppImportsIsRefused() {
    ComposeException e =
        assertThrows(
            ComposeException.class,
            () ->
                Composer.compose(
                    Part.of("app.wasm", guest("compose-app.wasm")),
                    List.of(Part.of("other.wasm", guest("compose-app.wasm")))));
    assertEquals(
        "other.wasm exports nothing app.wasm imports (it exports test:compose/app@0.1.0;"
            + " app.wasm imports wasi:io/error@0.2.6, wasi:io/streams@0.2.6,"
            + " wasi:cli/stdout@0.2.6, test:compose/counter@0.1.0)",
        e.getMessage());
  }

  @Test
  void theCommandLineReportsErrors() throws IOException {
    Path app = copy(tmp, "compose-app.wasm");
    Path notAComponent = Files.writeString(tmp.resolve("text.wasm"), "not wasm");
    Path out = tmp.resolve("out.wasm");
    CliRun r =
        wasidl("compose", "--plug", notAComponent.toString(), app.toString(), "-o", out.toString());
    assertEquals(1, r.code());
    assertTrue(
        r.err().startsWith("Error: " + notAComponent + " is not a valid component: "), r.err());
    r = wasidl("compose", "--plug", app.toString(), app.toString(), "-o", out.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("Error: " + app + " exports nothing " + app), r.err());
    r =
        wasidl(
            "compose",
            "--plug",
            tmp.resolve("missing.wasm").toString(),
            app.toString(),
            "-o",
            out.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("no such file"), r.err());
    assertTrue(Files.notExists(out));
    r = wasidl("compose", app.toString(), "-o", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Missing required option: '--plug=PLUGIN'"), r.err());
  }
}
