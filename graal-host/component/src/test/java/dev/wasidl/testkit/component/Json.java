package dev.wasidl.testkit.component;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tests' one JSON: a small tree whose text form is exactly node's {@code JSON.stringify} (no
 * spaces, keys in insertion order, JavaScript's number formatting and string escaping), so that
 * text written here and text printed by the node harness compare as strings; {@link #toJava} gives
 * the plain form the oracle's vectors and the expected-output files are read in.
 */
public sealed interface Json {
  /** {@code null}. */
  record Null() implements Json {}

  /** {@code true} or {@code false}. */
  record Bool(boolean value) implements Json {}

  /** A number, kept as its text (JavaScript's spelling when built here). */
  record Num(String text) implements Json {}

  /** A string. */
  record Str(String value) implements Json {}

  /** An array. */
  record Arr(List<Json> elements) implements Json {
    public Arr {
      elements = List.copyOf(elements);
    }
  }

  /** An object; its members keep their order. */
  record Obj(Map<String, Json> members) implements Json {
    public Obj {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public Json get(String name) {
      Json v = members.get(name);
      if (v == null) {
        throw new IllegalArgumentException("no member " + name + " in " + write(this));
      }
      return v;
    }
  }

  /**
   * The plain Java form: objects as ordered maps, arrays as lists, strings, integers as {@link
   * java.math.BigInteger} (other numbers as {@link Double}), booleans, and {@code null}.
   */
  default @org.jspecify.annotations.Nullable Object toJava() {
    return switch (this) {
      case Null n -> null;
      case Bool b -> b.value();
      case Num n ->
          n.text().matches("-?[0-9]+")
              ? new java.math.BigInteger(n.text())
              : (Object) Double.valueOf(n.text());
      case Str str -> str.value();
      case Arr a -> {
        List<@org.jspecify.annotations.Nullable Object> out = new ArrayList<>();
        a.elements().forEach(e -> out.add(e.toJava()));
        yield out;
      }
      case Obj o -> {
        Map<String, @org.jspecify.annotations.Nullable Object> out = new LinkedHashMap<>();
        o.members().forEach((k, v) -> out.put(k, v.toJava()));
        yield out;
      }
    };
  }

  public static Json of(long n) {
    return new Num(Long.toString(n));
  }

  public static Json of(String s) {
    return new Str(s);
  }

  public static Json of(boolean b) {
    return new Bool(b);
  }

  public static Obj obj(Map<String, Json> members) {
    return new Obj(members);
  }

  /** {@code JSON.stringify(value)}. */
  public static String write(Json value) {
    return switch (value) {
      case Null n -> "null";
      case Bool b -> Boolean.toString(b.value());
      case Num n -> n.text();
      case Str s -> quote(s.value());
      case Arr a ->
          a.elements().stream().map(Json::write).collect(Collectors.joining(",", "[", "]"));
      case Obj o ->
          o.members().entrySet().stream()
              .map(e -> quote(e.getKey()) + ":" + write(e.getValue()))
              .collect(Collectors.joining(",", "{", "}"));
    };
  }

  /** A string literal as {@code JSON.stringify} writes it (lone surrogates escaped). */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          boolean lone =
              (Character.isHighSurrogate(c)
                      && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))))
                  || (Character.isLowSurrogate(c)
                      && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1))));
          if (c < 0x20 || lone) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * JavaScript's {@code Number::toString} of a finite double (ECMA-262 6.1.6.1.20): the shortest
   * digits that round-trip (Java's {@link Double#toString} since JDK 19, but for one-digit ones),
   * laid out as JavaScript does, e.g. {@code 1e+21}, {@code 1.5e-7}, {@code 100}, {@code 0.000001}.
   */
  public static String number(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("not finite: " + d);
    }
    if (d == 0) {
      return "0"; // also -0, as in JavaScript
    }
    String sign = d < 0 ? "-" : "";
    BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    // Java writes at least two digits and then picks the closest such decimal (4.9E-324), where
    // JavaScript picks the shortest that round-trips (5e-324).
    BigDecimal one = bd.round(new MathContext(1, RoundingMode.HALF_EVEN));
    if (bd.precision() == 2 && Double.parseDouble(one.toString()) == Math.abs(d)) {
      bd = one.stripTrailingZeros();
    }
    String digits = bd.unscaledValue().toString();
    int k = digits.length();
    int n = k - bd.scale(); // value = 0.digits * 10^n
    String body;
    if (k <= n && n <= 21) {
      body = digits + "0".repeat(n - k);
    } else if (0 < n && n <= 21) {
      body = digits.substring(0, n) + "." + digits.substring(n);
    } else if (-6 < n && n <= 0) {
      body = "0." + "0".repeat(-n) + digits;
    } else {
      String e = (n - 1 < 0 ? "-" : "+") + Math.abs(n - 1);
      body = (k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1)) + "e" + e;
    }
    return sign + body;
  }

  /** Parses one JSON text. */
  public static Json parse(String text) {
    Parser p = new Parser(text);
    Json v = p.value();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("trailing text");
    }
    return v;
  }

  /** A recursive-descent parser for RFC 8259 JSON. */
  final class Parser {
    private final String s;
    private int pos;

    private Parser(String s) {
      this.s = s;
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException(what + " at " + pos + " in " + s);
    }

    private void skipSpace() {
      while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
    }

    private boolean eat(char c) {
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == c) {
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

    private Json value() {
      skipSpace();
      if (pos == s.length()) {
        throw error("unexpected end");
      }
      char c = s.charAt(pos);
      if (c == '{') {
        pos++;
        Map<String, Json> members = new LinkedHashMap<>();
        if (!eat('}')) {
          do {
            skipSpace();
            String key = string();
            expect(':');
            members.put(key, value());
          } while (eat(','));
          expect('}');
        }
        return new Obj(members);
      }
      if (c == '[') {
        pos++;
        List<Json> elements = new ArrayList<>();
        if (!eat(']')) {
          do {
            elements.add(value());
          } while (eat(','));
          expect(']');
        }
        return new Arr(elements);
      }
      if (c == '"') {
        return new Str(string());
      }
      for (String word : List.of("true", "false", "null")) {
        if (s.startsWith(word, pos)) {
          pos += word.length();
          return word.equals("null") ? new Null() : new Bool(word.equals("true"));
        }
      }
      int start = pos;
      while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
      if (start == pos) {
        throw error("unexpected '" + c + "'");
      }
      return new Num(s.substring(start, pos));
    }

    private String string() {
      if (pos >= s.length() || s.charAt(pos) != '"') {
        throw error("expected a string");
      }
      pos++;
      StringBuilder out = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw error("unterminated string");
        }
        char c = s.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = s.charAt(pos++);
        switch (e) {
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> out.append(e);
        }
      }
    }
  }
}
