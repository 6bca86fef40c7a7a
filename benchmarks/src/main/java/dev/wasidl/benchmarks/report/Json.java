package dev.wasidl.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON to read JMH's result files (and the C harness's entries in the same format):
 * objects as {@code Map}, arrays as {@code List}, numbers as {@code Double}, strings, booleans and
 * {@link #NULL}. The benchmarks module has no JSON library and needs none beyond this.
 */
final class Json {
  /** JSON's null. */
  static final Object NULL = new Object();

  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    Json j = new Json(text);
    Object v = j.value();
    j.space();
    if (j.pos != text.length()) {
      throw j.error("trailing text");
    }
    return v;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("JSON: " + what + " at offset " + pos);
  }

  private void space() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private boolean eat(char c) {
    space();
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!eat(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private Object value() {
    space();
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      default -> literal();
    };
  }

  private Map<String, Object> object() {
    expect('{');
    Map<String, Object> m = new LinkedHashMap<>();
    if (eat('}')) {
      return m;
    }
    do {
      space();
      String k = string();
      expect(':');
      m.put(k, value());
    } while (eat(','));
    expect('}');
    return m;
  }

  private List<Object> array() {
    expect('[');
    List<Object> l = new ArrayList<>();
    if (eat(']')) {
      return l;
    }
    do {
      l.add(value());
    } while (eat(','));
    expect(']');
    return l;
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return b.toString();
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'u' -> {
          b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> b.append(e);
      }
    }
    throw error("unterminated string");
  }

  private Object literal() {
    int start = pos;
    while (pos < text.length() && "{}[],: \t\r\n".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    String t = text.substring(start, pos);
    return switch (t) {
      case "true" -> true;
      case "false" -> false;
      case "null" -> NULL;
      default -> {
        try {
          yield Double.parseDouble(t);
        } catch (NumberFormatException e) {
          throw error("bad literal '" + t + "'");
        }
      }
    };
  }
}
