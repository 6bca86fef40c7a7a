package dev.wasidl.testkit.dl;

import dev.wasidl.testkit.component.Json;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code "ok"} object of dl-all-c.expected.json: case name to expected report, or null
 * where the report is host-specific.
 */
public final class ExpectedReports {
  private ExpectedReports() {}

  public static Map<String, @Nullable String> okReports(String json) {
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) Json.parse(json).toJava();
    @SuppressWarnings("unchecked")
    Map<String, @Nullable String> ok = (Map<String, @Nullable String>) root.get("ok");
    return ok;
  }
}
