package dev.wasidl.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the decoded imports and exports with what {@code jco wit} printed for the same binary
 * when build.sh built it (committed next to it as {@code <guest>.wit.txt}), so this always runs
 * without node.
 */
class JcoWitComparisonTest {

  /** The {@code import ...;} and {@code export ...;} lines of a world, as "import name" etc. */
  private static List<String> worldItems(String wit) {
    List<String> items = new ArrayList<>();
    for (String line : wit.lines().map(String::strip).toList()) {
      if (line.startsWith("import ") || line.startsWith("export ")) {
        String item = line.substring(0, line.length() - 1); // drop ';'
        int colon = item.indexOf(": func");
        items.add(colon >= 0 ? item.substring(0, colon) : item);
      }
    }
    return items;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "types-c",
        "wasi-command-c",
        "jco-command-c",
        "nested-wat",
        "hello-js",
        "dl-hello-c",
        "dl-libs",
        "dl-all-c",
        "kv-memory-c",
        "kv-sqlite-c",
        "kv-bench-c",
        "kv-bench-memory-composed",
        "compose-provider",
        "compose-app",
        "compose-provider-mismatch",
        "compose-provider-0.1.1",
        "compose-provider-stdout-u32"
      })
  void importsAndExportsMatchJcoWit(String guest) {
    ComponentDef c = Guests.decode(guest + ".wasm");
    List<String> decoded = new ArrayList<>();
    c.imports().forEach(i -> decoded.add("import " + i.name().text()));
    c.exports().forEach(e -> decoded.add("export " + e.name().text()));
    List<String> expected = new ArrayList<>(worldItems(Guests.text(guest + ".wit.txt")));
    // jco wit lists a world's imports first, then its exports; within each, order may differ.
    assertEquals(sorted(expected), sorted(decoded));
  }

  private static List<String> sorted(List<String> items) {
    return items.stream()
        .sorted((a, b) -> a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT)))
        .toList();
  }
}
