package dev.wasidl.cli;

import dev.wasidl.types.BorrowType;
import dev.wasidl.types.EnumType;
import dev.wasidl.types.FlagsType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.OptionType;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.RecordType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import dev.wasidl.types.VariantType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Component values as text, in WAVE (the WebAssembly Value Encoding that {@code wasmtime run
 * --invoke} reads and prints): {@code 42}, {@code -1}, {@code 1.5}, {@code nan}, {@code -inf},
 * {@code 'c'}, {@code "str\n"}, {@code [1, 2]}, records {@code {a: 1, b-c: "x"}} (option fields may
 * be left out: {@code none}), tuples {@code (1, "x")}, variant and enum cases {@code case} / {@code
 * case(payload)} ({@code %none} for a case named like a keyword), {@code some(x)} / {@code none},
 * {@code ok(x)} / {@code err(x)} / {@code ok} / {@code err}, flags {@code {a, b}}. As in WAVE, a
 * value that is not written {@code some(..)}/{@code none} is a "flat" {@code some}, and one not
 * written {@code ok}/{@code err} a flat {@code ok}. Escapes: {@code \n \t \r \' \" \\ \\u{1F600}};
 * {@code //} starts a comment. Resources have no text form: they cannot be parsed and print as
 * {@code own(rep)}/{@code borrow(rep)}. Not supported: WAVE's multi-line strings.
 */
public final class ValText {
  private static final Set<String> KEYWORDS =
      Set.of("true", "false", "some", "none", "ok", "err", "inf", "nan");

  private ValText() {}

  /**
   * Parses {@code text} as one value of {@code type} (whitespace around it allowed).
   *
   * @throws ValTextException with the column of the first problem
   */
  public static Val parse(Type type, String text) {
    Parser p = new Parser(text, 0);
    Val v = p.value(type);
    p.end();
    return v;
  }

  /**
   * Parses a parenthesized argument list {@code (v1, v2, ...)} of {@code types} that starts at
   * {@code from} in {@code text} and runs to its end; error columns count from the start of {@code
   * text} (e.g. a whole {@code name(args)} call).
   *
   * @throws ValTextException with the column of the first problem
   */
  public static List<Val> parseArgs(List<Type> types, String text, int from) {
    Parser p = new Parser(text, from);
    List<Val> args = p.args(types);
    p.end();
    return args;
  }

  /** The text of {@code value}, which must be of {@code type}. */
  public static String print(Type type, Val value) {
    StringBuilder out = new StringBuilder();
    print(type, value, out);
    return out.toString();
  }

  /** The arguments as {@code (v1, v2)}. */
  public static String printArgs(List<Type> types, List<Val> values) {
    StringJoiner j = new StringJoiner(", ", "(", ")");
    for (int i = 0; i < types.size(); i++) {
      j.add(print(types.get(i), values.get(i)));
    }
    return j.toString();
  }

  // --- printing

  private static void print(Type type, Val value, StringBuilder out) {
    switch (type) {
      case Primitive p -> printPrimitive(p, value, out);
      case ListType l -> {
        out.append('[');
        List<Val> elements = ((Val.ListVal) value).elements();
        for (int i = 0; i < elements.size(); i++) {
          out.append(i == 0 ? "" : ", ");
          print(l.element(), elements.get(i), out);
        }
        out.append(']');
      }
      case RecordType r -> {
        Val.RecordVal rv = (Val.RecordVal) value;
        out.append('{');
        for (int i = 0; i < r.fields().size(); i++) {
          RecordType.Field f = r.fields().get(i);
          out.append(i == 0 ? "" : ", ").append(label(f.name())).append(": ");
          print(f.type(), rv.get(f.name()).orElseThrow(() -> missing(f.name())), out);
        }
        out.append('}');
      }
      case TupleType t -> {
        List<Val> values = ((Val.Tuple) value).values();
        out.append('(');
        for (int i = 0; i < t.types().size(); i++) {
          out.append(i == 0 ? "" : ", ");
          print(t.types().get(i), values.get(i), out);
        }
        out.append(')');
      }
      case VariantType vt -> {
        Val.Variant v = (Val.Variant) value;
        out.append(label(v.caseName()));
        int i = vt.indexOf(v.caseName());
        if (i < 0) {
          throw new IllegalArgumentException("no case " + v.caseName() + " in " + vt);
        }
        Optional<Type> payloadType = vt.cases().get(i).type();
        if (payloadType.isPresent()) {
          out.append('(');
          print(payloadType.get(), v.payload().orElseThrow(), out);
          out.append(')');
        }
      }
      case EnumType e -> out.append(label(((Val.EnumVal) value).caseName()));
      case OptionType o -> {
        Optional<Val> v = ((Val.OptionVal) value).value();
        if (v.isPresent()) {
          out.append("some(");
          print(o.type(), v.get(), out);
          out.append(')');
        } else {
          out.append("none");
        }
      }
      case ResultType r -> {
        Val.ResultVal rv = (Val.ResultVal) value;
        out.append(rv.isOk() ? "ok" : "err");
        Optional<Type> payloadType = rv.isOk() ? r.ok() : r.error();
        if (payloadType.isPresent()) {
          out.append('(');
          print(payloadType.get(), rv.payload().orElseThrow(), out);
          out.append(')');
        }
      }
      case FlagsType f -> {
        Set<String> set = ((Val.Flags) value).names();
        StringJoiner j = new StringJoiner(", ", "{", "}");
        for (String name : f.names()) {
          if (set.contains(name)) {
            j.add(label(name));
          }
        }
        out.append(j);
      }
      case OwnType o -> out.append(value);
      case BorrowType b -> out.append(value);
    }
  }

  private static IllegalArgumentException missing(String field) {
    return new IllegalArgumentException("the record value has no field " + field);
  }

  private static void printPrimitive(Primitive p, Val value, StringBuilder out) {
    switch (p) {
      case F32 -> out.append(floatText(((Val.F32) value).value()));
      case F64 -> out.append(doubleText(((Val.F64) value).value()));
      case CHAR -> {
        out.append('\'');
        escape(((Val.Char) value).codePoint(), '\'', out);
        out.append('\'');
      }
      case STRING -> {
        out.append('"');
        ((Val.Str) value).value().codePoints().forEach(c -> escape(c, '"', out));
        out.append('"');
      }
      // bool and the integers: Val's own text is WAVE's (u64 unsigned).
      case BOOL, S8, U8, S16, U16, S32, U32, S64, U64 -> out.append(value);
    }
  }

  private static String floatText(float f) {
    if (Float.isNaN(f)) {
      return "nan";
    }
    return Float.isInfinite(f) ? (f > 0 ? "inf" : "-inf") : decimal(Float.toString(f));
  }

  private static String doubleText(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    return Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : decimal(Double.toString(d));
  }

  /** Java's shortest repetition, with WAVE's lower-case exponent ("1.0E10" becomes "1e10"). */
  private static String decimal(String java) {
    int e = java.indexOf('E');
    if (e < 0) {
      return java;
    }
    String mantissa = java.substring(0, e);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    return mantissa + "e" + java.substring(e + 1);
  }

  private static void escape(int c, char quote, StringBuilder out) {
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\t' -> out.append("\\t");
      case '\r' -> out.append("\\r");
      case '\\' -> out.append("\\\\");
      default -> {
        if (c == quote) {
          out.append('\\').append(quote);
        } else if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.UNASSIGNED) {
          out.append("\\u{").append(Integer.toHexString(c)).append('}');
        } else {
          out.appendCodePoint(c);
        }
      }
    }
  }

  /** A label, {@code %}-prefixed if it reads as a keyword. */
  private static String label(String name) {
    return KEYWORDS.contains(name) ? "%" + name : name;
  }

  // --- parsing

  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text, int pos) {
      this.text = text;
      this.pos = pos;
    }

    void end() {
      ws();
      if (pos < text.length()) {
        throw error("unexpected " + describe(pos) + " after the value", pos);
      }
    }

    List<Val> args(List<Type> types) {
      ws();
      expect('(', "'(' before the arguments");
      List<Val> args = new ArrayList<>();
      ws();
      if (peek() == ')') {
        pos++;
      } else {
        while (true) {
          int start = pos;
          if (args.size() == types.size()) {
            throw error(
                "too many arguments: the function takes " + count(types.size(), "argument"), start);
          }
          args.add(value(types.get(args.size())));
          ws();
          if (peek() == ',') {
            pos++;
            ws();
            if (peek() == ')') {
              pos++;
              break;
            }
            continue;
          }
          expect(')', "',' or ')'");
          break;
        }
      }
      if (args.size() < types.size()) {
        throw error(
            "too few arguments: the function takes "
                + count(types.size(), "argument")
                + ", got "
                + args.size(),
            pos - 1);
      }
      return args;
    }

    Val value(Type type) {
      ws();
      return switch (type) {
        case Primitive p -> primitive(p);
        case ListType l -> {
          List<Val> elements = new ArrayList<>();
          sequence('[', ']', () -> elements.add(value(l.element())));
          yield new Val.ListVal(elements);
        }
        case TupleType t -> {
          int start = pos;
          List<Val> values = new ArrayList<>();
          sequence(
              '(',
              ')',
              () -> {
                if (values.size() == t.types().size()) {
                  throw error("too many tuple elements for " + t, pos);
                }
                values.add(value(t.types().get(values.size())));
              });
          if (values.size() != t.types().size()) {
            throw error(
                "a " + t + " needs " + t.types().size() + " elements, got " + values.size(), start);
          }
          yield new Val.Tuple(values);
        }
        case RecordType r -> record(r);
        case FlagsType f -> flags(f);
        case VariantType vt -> variant(vt);
        case EnumType e -> {
          int start = pos;
          Label l = label();
          if (!e.names().contains(l.name())) {
            throw error("no case `" + l.name() + "` in " + e, start);
          }
          yield new Val.EnumVal(l.name());
        }
        case OptionType o -> option(o);
        case ResultType r -> result(r);
        case OwnType o -> throw error("resources cannot be written as values (" + type + ")", pos);
        case BorrowType b ->
            throw error("resources cannot be written as values (" + type + ")", pos);
      };
    }

    private Val primitive(Primitive p) {
      int start = pos;
      return switch (p) {
        case BOOL -> {
          if (peek() == '%') {
            throw error("expected true or false", start);
          }
          Label l = label();
          yield switch (l.name()) {
            case "true" -> new Val.Bool(true);
            case "false" -> new Val.Bool(false);
            default -> throw error("expected true or false, got `" + l.name() + "`", start);
          };
        }
        case S8 -> new Val.S8((byte) integer(p, -128, 127));
        case U8 -> new Val.U8((int) integer(p, 0, 255));
        case S16 -> new Val.S16((short) integer(p, -32768, 32767));
        case U16 -> new Val.U16((int) integer(p, 0, 65535));
        case S32 -> new Val.S32((int) integer(p, Integer.MIN_VALUE, Integer.MAX_VALUE));
        case U32 -> new Val.U32(integer(p, 0, 0xffff_ffffL));
        case S64 -> new Val.S64(bigInteger(p, BigInteger.valueOf(Long.MIN_VALUE), S64_MAX));
        case U64 -> new Val.U64(bigInteger(p, BigInteger.ZERO, U64_MAX));
        case F32 -> {
          String number = number();
          float f = Float.parseFloat(number);
          checkFinite(Float.isInfinite(f) && !number.contains("Infinity"), "f32", start);
          yield new Val.F32(f);
        }
        case F64 -> {
          String number = number();
          double d = Double.parseDouble(number);
          checkFinite(Double.isInfinite(d) && !number.contains("Infinity"), "f64", start);
          yield new Val.F64(d);
        }
        case CHAR -> character();
        case STRING -> new Val.Str(string());
      };
    }

    private static final BigInteger S64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private void checkFinite(boolean overflowed, String type, int start) {
      if (overflowed) {
        throw error("number out of range for " + type, start);
      }
    }

    private long integer(Primitive p, long min, long max) {
      return bigInteger(p, BigInteger.valueOf(min), BigInteger.valueOf(max));
    }

    private long bigInteger(Primitive p, BigInteger min, BigInteger max) {
      int start = pos;
      int i = pos;
      if (i < text.length() && text.charAt(i) == '-') {
        i++;
      }
      int digits = i;
      while (i < text.length() && isDigit(text.charAt(i))) {
        i++;
      }
      if (i == digits) {
        throw error("expected an integer (" + p + "), got " + describe(start), start);
      }
      if (text.charAt(digits) == '0' && i - digits > 1) {
        throw error("leading zeros are not allowed in integers", start);
      }
      if (i < text.length()
          && (text.charAt(i) == '.' || text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
        throw error("expected an integer (" + p + "), got a fractional number", start);
      }
      if (i < text.length() && isLabelChar(text.charAt(i))) {
        throw error("expected an integer (" + p + "), got " + describe(start), start);
      }
      BigInteger value = new BigInteger(text.substring(start, i));
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw error(
            "integer " + value + " out of range for " + p + " (" + min + " to " + max + ")", start);
      }
      pos = i;
      return value.longValue();
    }

    /** A WAVE number: nan, inf, -inf, or integer fraction? exponent?. Returns Java's spelling. */
    private String number() {
      int start = pos;
      if (text.startsWith("nan", pos) && !labelCharAt(pos + 3)) {
        pos += 3;
        return "NaN";
      }
      if (text.startsWith("inf", pos) && !labelCharAt(pos + 3)) {
        pos += 3;
        return "Infinity";
      }
      if (text.startsWith("-inf", pos) && !labelCharAt(pos + 4)) {
        pos += 4;
        return "-Infinity";
      }
      int i = pos;
      if (i < text.length() && text.charAt(i) == '-') {
        i++;
      }
      int digits = i;
      while (i < text.length() && isDigit(text.charAt(i))) {
        i++;
      }
      if (i == digits) {
        throw error("expected a number, got " + describe(start), start);
      }
      if (text.charAt(digits) == '0' && i - digits > 1) {
        throw error("leading zeros are not allowed in numbers", start);
      }
      if (i < text.length() && text.charAt(i) == '.') {
        int fraction = ++i;
        while (i < text.length() && isDigit(text.charAt(i))) {
          i++;
        }
        if (i == fraction) {
          throw error("expected digits after '.'", i);
        }
      }
      if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
        i++;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
          i++;
        }
        int exponent = i;
        while (i < text.length() && isDigit(text.charAt(i))) {
          i++;
        }
        if (i == exponent) {
          throw error("expected digits in the exponent", i);
        }
      }
      if (labelCharAt(i)) {
        throw error("unexpected " + describe(i) + " in a number", i);
      }
      pos = i;
      // Java reads this syntax as it is, rounding once from all the digits.
      return text.substring(start, i);
    }

    private Val.Char character() {
      int start = pos;
      expect('\'', "a char in single quotes");
      if (peek() == '\'') {
        throw error("empty char: a char holds one Unicode scalar value", start);
      }
      int c = quotedChar('\'');
      if (peek() != '\'') {
        throw error(
            pos >= text.length()
                ? "unterminated char"
                : "a char holds one Unicode scalar value; use double quotes for a string",
            pos >= text.length() ? start : pos);
      }
      pos++;
      return new Val.Char(c);
    }

    private String string() {
      int start = pos;
      expect('"', "a string in double quotes");
      StringBuilder s = new StringBuilder();
      while (peek() != '"') {
        if (pos >= text.length()) {
          throw error("unterminated string", start);
        }
        s.appendCodePoint(quotedChar('"'));
      }
      pos++;
      return s.toString();
    }

    /** One character or escape inside quotes. */
    private int quotedChar(char quote) {
      if (pos >= text.length()) {
        throw error(quote == '"' ? "unterminated string" : "unterminated char", pos);
      }
      int c = text.codePointAt(pos);
      if (c == '\n') {
        throw error("a line break must be written \\n", pos);
      }
      if (Character.isSurrogate((char) c)) {
        throw error("unpaired surrogate", pos);
      }
      if (c != '\\') {
        pos += Character.charCount(c);
        return c;
      }
      int start = pos;
      pos++;
      if (pos >= text.length()) {
        throw error("unterminated escape", start);
      }
      char e = text.charAt(pos++);
      return switch (e) {
        case 'n' -> '\n';
        case 't' -> '\t';
        case 'r' -> '\r';
        case '\\' -> '\\';
        case '\'' -> '\'';
        case '"' -> '"';
        case 'u' -> unicodeEscape(start);
        default ->
            throw error(
                "invalid escape \\" + e + " (valid: \\n \\t \\r \\' \\\" \\\\ \\u{...})", start);
      };
    }

    private int unicodeEscape(int start) {
      if (peek() != '{') {
        throw error("expected \\u{hex digits}", start);
      }
      pos++;
      int digits = pos;
      while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
        pos++;
      }
      if (pos == digits || peek() != '}') {
        throw error("expected \\u{hex digits}", start);
      }
      String hex = text.substring(digits, pos);
      pos++;
      BigInteger c = new BigInteger(hex, 16);
      if (c.compareTo(BigInteger.valueOf(0x10ffff)) > 0
          || (c.intValue() >= 0xd800 && c.intValue() <= 0xdfff)) {
        throw error("\\u{" + hex + "} is not a Unicode scalar value", start);
      }
      return c.intValue();
    }

    private Val record(RecordType r) {
      int start = pos;
      expect('{', "a record in braces");
      Map<String, Val> values = new HashMap<>();
      ws();
      if (peek() == ':') {
        pos++;
        ws();
        expect('}', "'}' after '{:'");
      } else {
        sequenceBody(
            '}',
            () -> {
              int at = pos;
              Label l = label();
              RecordType.Field field =
                  r.fields().stream()
                      .filter(f -> f.name().equals(l.name()))
                      .findFirst()
                      .orElseThrow(() -> error("no field `" + l.name() + "` in " + r, at));
              if (values.containsKey(l.name())) {
                throw error("field `" + l.name() + "` given twice", at);
              }
              ws();
              expect(':', "':' after the field name");
              values.put(l.name(), value(field.type()));
            });
      }
      List<Val.Field> fields = new ArrayList<>();
      for (RecordType.Field f : r.fields()) {
        Val v = values.get(f.name());
        if (v == null) {
          if (!(f.type() instanceof OptionType)) {
            throw error("missing field `" + f.name() + "` of " + r, start);
          }
          v = new Val.OptionVal(Optional.empty());
        }
        fields.add(new Val.Field(f.name(), v));
      }
      return new Val.RecordVal(fields);
    }

    private Val flags(FlagsType f) {
      Set<String> set = new LinkedHashSet<>();
      sequence(
          '{',
          '}',
          () -> {
            int at = pos;
            Label l = label();
            if (!f.names().contains(l.name())) {
              throw error("no flag `" + l.name() + "` in " + f, at);
            }
            if (!set.add(l.name())) {
              throw error("flag `" + l.name() + "` given twice", at);
            }
          });
      return new Val.Flags(set);
    }

    private Val variant(VariantType vt) {
      int start = pos;
      Label l = label();
      int i = vt.indexOf(l.name());
      if (i < 0) {
        throw error("no case `" + l.name() + "` in " + vt, start);
      }
      Optional<Type> payload = vt.cases().get(i).type();
      return new Val.Variant(l.name(), payload(l.name(), payload));
    }

    private Optional<Val> payload(String name, Optional<Type> type) {
      int afterLabel = pos;
      ws();
      if (type.isEmpty()) {
        if (peek() == '(') {
          throw error("`" + name + "` has no payload", pos);
        }
        pos = afterLabel;
        return Optional.empty();
      }
      if (peek() != '(') {
        throw error("`" + name + "` needs a payload: " + name + "(<" + type.get() + ">)", pos);
      }
      pos++;
      Val v = value(type.get());
      ws();
      expect(')', "')' after the payload");
      return Optional.of(v);
    }

    private Val option(OptionType o) {
      Optional<String> keyword = keyword();
      if (keyword.isPresent() && (keyword.get().equals("some") || keyword.get().equals("none"))) {
        Label l = label();
        return new Val.OptionVal(
            payload(l.name(), l.name().equals("some") ? Optional.of(o.type()) : Optional.empty()));
      }
      return new Val.OptionVal(Optional.of(value(o.type()))); // flat some
    }

    private Val result(ResultType r) {
      Optional<String> keyword = keyword();
      if (keyword.isPresent() && (keyword.get().equals("ok") || keyword.get().equals("err"))) {
        Label l = label();
        boolean ok = l.name().equals("ok");
        return new Val.ResultVal(ok, payload(l.name(), ok ? r.ok() : r.error()));
      }
      if (r.ok().isEmpty()) {
        throw error("expected ok or err", pos);
      }
      return new Val.ResultVal(true, Optional.of(value(r.ok().get()))); // flat ok
    }

    /** The keyword at pos (an un-%-prefixed label that is one), without consuming it. */
    private Optional<String> keyword() {
      int i = pos;
      while (labelCharAt(i)) {
        i++;
      }
      String word = text.substring(pos, i);
      return KEYWORDS.contains(word) ? Optional.of(word) : Optional.empty();
    }

    private record Label(String name) {}

    private Label label() {
      int start = pos;
      if (peek() == '%') {
        pos++;
      }
      int begin = pos;
      while (true) {
        int word = pos;
        char first = peek();
        boolean lower = first >= 'a' && first <= 'z';
        boolean upper = first >= 'A' && first <= 'Z';
        if (!lower && !upper) {
          throw error(
              pos == begin ? "expected a name, got " + describe(pos) : "expected a word after '-'",
              pos == begin ? start : pos);
        }
        pos++;
        while (pos < text.length()) {
          char c = text.charAt(pos);
          if (isDigit(c) || (lower ? c >= 'a' && c <= 'z' : c >= 'A' && c <= 'Z')) {
            pos++;
          } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            throw error("mixed-case word in name `" + text.substring(word, pos + 1) + "`", word);
          } else {
            break;
          }
        }
        if (peek() != '-') {
          break;
        }
        pos++;
      }
      return new Label(text.substring(begin, pos));
    }

    /** open, then values separated by commas (a trailing one allowed), then close. */
    private void sequence(char open, char close, Runnable element) {
      expect(open, "'" + open + "'");
      ws();
      sequenceBody(close, element);
    }

    private void sequenceBody(char close, Runnable element) {
      ws();
      if (peek() == close) {
        pos++;
        return;
      }
      while (true) {
        element.run();
        ws();
        if (peek() == ',') {
          pos++;
          ws();
          if (peek() == close) {
            pos++;
            return;
          }
          continue;
        }
        expect(close, "',' or '" + close + "'");
        return;
      }
    }

    private void expect(char c, String what) {
      if (peek() != c) {
        throw error("expected " + what + ", got " + describe(pos), pos);
      }
      pos++;
    }

    private void ws() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else if (c == '/' && text.startsWith("//", pos)) {
          int nl = text.indexOf('\n', pos);
          pos = nl < 0 ? text.length() : nl;
        } else {
          return;
        }
      }
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private boolean labelCharAt(int i) {
      return i < text.length() && isLabelChar(text.charAt(i));
    }

    private static boolean isLabelChar(char c) {
      return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private String describe(int at) {
      if (at >= text.length()) {
        return "the end of the text";
      }
      int c = text.codePointAt(at);
      return c < 0x20 ? "U+" + String.format("%04X", c) : "'" + Character.toString(c) + "'";
    }

    private ValTextException error(String problem, int at) {
      return new ValTextException(problem, text, at);
    }

    private static String count(int n, String noun) {
      return n + " " + noun + (n == 1 ? "" : "s");
    }
  }
}
