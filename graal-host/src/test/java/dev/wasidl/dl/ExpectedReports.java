package dev.wasidl.dl;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code "ok"} object of dl-all-c.expected.json (case name to expected report, or null
 * where the report is host-specific): just enough JSON for that file (objects, arrays, strings,
 * null).
 */
public final class ExpectedReports {
  private final String s;
  private int i;

  private ExpectedReports(String s) {
    this.s = s;
  }

  public static Map<String, @Nullable String> okReports(String json) {
    ExpectedReports p = new ExpectedReports(json);
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) p.value();
    @SuppressWarnings("unchecked")
    Map<String, @Nullable String> ok = (Map<String, @Nullable String>) root.get("ok");
    return ok;
  }

  private @Nullable Object value() {
    ws();
    char c = s.charAt(i);
    switch (c) {
      case '{' -> {
        i++;
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        ws();
        if (s.charAt(i) == '}') {
          i++;
          return m;
        }
        while (true) {
          ws();
          String k = string();
          ws();
          expect(':');
          m.put(k, value());
          ws();
          if (s.charAt(i++) == '}') {
            return m;
          }
        }
      }
      case '[' -> {
        i++;
        java.util.List<@Nullable Object> l = new java.util.ArrayList<>();
        ws();
        if (s.charAt(i) == ']') {
          i++;
          return l;
        }
        while (true) {
          l.add(value());
          ws();
          if (s.charAt(i++) == ']') {
            return l;
          }
        }
      }
      case '"' -> {
        return string();
      }
      default -> {
        if (s.startsWith("null", i)) {
          i += 4;
          return null;
        }
        throw new IllegalArgumentException("unexpected JSON at " + i + ": " + c);
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (true) {
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = s.charAt(i++);
      switch (e) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'u' -> {
          b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> b.append(e);
      }
    }
  }

  private void expect(char c) {
    if (s.charAt(i++) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + (i - 1));
    }
  }

  private void ws() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }
}
