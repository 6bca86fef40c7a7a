package dev.wasidl.cli;

import static dev.wasidl.cli.CliRun.wasidl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code wasidl run --plug}: plugins are instantiated first and their exports satisfy the app's
 * imports; a plugin that is not a component, or whose interface is already defined, is refused with
 * a clear message. (The keyvalue app on each provider: KeyValueConformanceTest.)
 */
class PlugCommandTest {
  private static final Path GUESTS = Path.of("..", "testdata", "resources", "guests");

  private static String guest(String name) {
    return GUESTS.resolve(name).toString();
  }

  @Test
  void aPluginsExportsSatisfyTheAppsImports() {
    // plug-provider-wat imports a root function "hook" that nothing defines: it traps if called
    String provider = guest("plug-provider-wat.wasm");
    String consumer = guest("plug-consumer-wat.wasm");
    CliRun r =
        wasidl(
            "run",
            "--trap-unknown-imports",
            "--plug",
            provider,
            "--invoke",
            "len(\"héllo\")",
            consumer);
    assertEquals(new CliRun(0, "6\n", ""), r);
    CliRun made =
        wasidl(
            "run", "--trap-unknown-imports", "--plug", provider, "--invoke", "make(7)", consumer);
    assertEquals(new CliRun(0, "1\n", ""), made, "the app's first handle");
    CliRun hook =
        wasidl(
            "run",
            "--trap-unknown-imports",
            "--plug",
            provider,
            "--invoke",
            "callback()",
            consumer);
    assertEquals(Main.TRAP, hook.code(), hook.toString());
    assertTrue(hook.err().contains("called the undefined import hook"), hook.toString());
  }

  @Test
  void withoutThePluginTheImportIsMissing() {
    CliRun r = wasidl("run", "--invoke", "make(7)", guest("plug-consumer-wat.wasm"));
    assertEquals(Main.ERROR, r.code(), r.toString());
    assertTrue(r.err().contains("missing import: instance test:plug/counters@0.1.0"), r.toString());
  }

  @Test
  void aPluginThatIsNotAComponentIsAnError() {
    CliRun r =
        wasidl(
            "run",
            "--plug",
            guest("types-c.wit.txt"),
            "--invoke",
            "make(7)",
            guest("plug-consumer-wat.wasm"));
    assertEquals(Main.ERROR, r.code(), r.toString());
    assertTrue(
        r.err()
            .startsWith("Error: plugin " + guest("types-c.wit.txt") + " is not a valid component"),
        r.toString());
    CliRun missing =
        wasidl(
            "run",
            "--plug",
            "no-such.wasm",
            "--invoke",
            "make(7)",
            guest("plug-consumer-wat.wasm"));
    assertEquals(
        new CliRun(Main.ERROR, "", "Error: cannot read plugin no-such.wasm: no such file\n"),
        missing);
  }

  @Test
  void anInterfaceDefinedTwiceIsAUsageError() {
    String kv = guest("kv-memory-c.wasm");
    CliRun host = wasidl("run", "--keyvalue", "--plug", kv, guest("keyvalue-js.wasm"));
    assertEquals(Main.USAGE, host.code(), host.toString());
    assertTrue(
        host.err()
            .startsWith(
                "Error: --plug "
                    + kv
                    + ": wasi:keyvalue/store@0.2.0-draft2 is already defined by the host"),
        host.toString());
    CliRun twice = wasidl("run", "--plug", kv, "--plug", kv, guest("keyvalue-js.wasm"));
    assertEquals(Main.USAGE, twice.code(), twice.toString());
    assertTrue(
        twice.err().contains("is already defined by the plugin kv-memory-c.wasm"),
        twice.toString());
  }
}
