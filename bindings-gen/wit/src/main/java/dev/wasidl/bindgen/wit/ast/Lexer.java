package dev.wasidl.bindgen.wit.ast;

import dev.wasidl.bindgen.wit.WitSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The WIT lexer ("Lexical structure" in WIT.md): tokens on demand, doc comments kept. */
final class Lexer {
  static final Set<String> KEYWORDS =
      Set.of(
          "as",
          "async",
          "bool",
          "borrow",
          "char",
          "constructor",
          "enum",
          "export",
          "f32",
          "f64",
          "flags",
          "from",
          "func",
          "future",
          "import",
          "include",
          "interface",
          "list",
          "map",
          "option",
          "own",
          "package",
          "record",
          "resource",
          "result",
          "s16",
          "s32",
          "s64",
          "s8",
          "static",
          "stream",
          "string",
          "tuple",
          "type",
          "u16",
          "u32",
          "u64",
          "u8",
          "use",
          "variant",
          "with",
          "world");

  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
              + "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

  private final String file;
  private final String text;
  private int pos;
  private int line = 1;
  private int column = 1;

  Lexer(String file, String text) {
    this.file = file;
    this.text = text;
  }

  Span here() {
    return new Span(file, line, column);
  }

  /** The next token, doc comments before it attached. */
  Token next() {
    String docs = skipTrivia();
    Span span = here();
    if (pos >= text.length()) {
      return new Token(Token.Kind.EOF, "", false, docs, span);
    }
    char c = text.charAt(pos);
    if (c == '%') {
      advance();
      if (pos >= text.length() || !isIdStart(text.charAt(pos))) {
        throw new WitSyntaxException(span, "expected an identifier after `%`");
      }
      return new Token(Token.Kind.IDENT, identifier(span), true, docs, span);
    }
    if (isIdStart(c)) {
      return new Token(Token.Kind.IDENT, identifier(span), false, docs, span);
    }
    if (c >= '0' && c <= '9') {
      int start = pos;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        advance();
      }
      return new Token(Token.Kind.INTEGER, text.substring(start, pos), false, docs, span);
    }
    if (c == '"') {
      advance();
      int start = pos;
      while (pos < text.length() && text.charAt(pos) != '"' && text.charAt(pos) != '\n') {
        advance();
      }
      if (pos >= text.length() || text.charAt(pos) != '"') {
        throw new WitSyntaxException(span, "unterminated string literal");
      }
      String s = text.substring(start, pos);
      advance();
      return new Token(Token.Kind.STRING, s, false, docs, span);
    }
    if (c == '-' && peekChar(1) == '>') {
      advance();
      advance();
      return new Token(Token.Kind.OPERATOR, "->", false, docs, span);
    }
    if ("=,:;(){}<>*/.@_".indexOf(c) >= 0) {
      advance();
      return new Token(Token.Kind.OPERATOR, String.valueOf(c), false, docs, span);
    }
    throw new WitSyntaxException(
        span, "unexpected character " + describeChar(text.codePointAt(pos)));
  }

  /** A semver version at the current position (after {@code @} or {@code version =}). */
  String version() {
    skipTrivia();
    Span span = here();
    Matcher m = SEMVER.matcher(text).region(pos, text.length());
    if (!m.lookingAt()) {
      throw new WitSyntaxException(span, "expected a semver version such as `0.2.0`");
    }
    String v = m.group();
    for (int i = 0; i < v.length(); i++) {
      advance();
    }
    return v;
  }

  private String identifier(Span span) {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (isIdStart(c) || (c >= '0' && c <= '9')) {
        advance();
      } else if (c == '-' && pos + 1 < text.length() && isIdChar(text.charAt(pos + 1))) {
        advance();
      } else {
        break;
      }
    }
    String id = text.substring(start, pos);
    validateLabel(id, span);
    return id;
  }

  /** The kebab-case rule: words of letters and digits, each starting with a letter, one case. */
  static void validateLabel(String id, Span span) {
    for (String word : id.split("-", -1)) {
      if (word.isEmpty()) {
        throw new WitSyntaxException(span, "identifier `" + id + "` has an empty word");
      }
      if (!Character.isLetter(word.charAt(0))) {
        throw new WitSyntaxException(
            span, "identifier `" + id + "`: each word must start with a letter (`" + word + "`)");
      }
      boolean lower = false;
      boolean upper = false;
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        lower |= c >= 'a' && c <= 'z';
        upper |= c >= 'A' && c <= 'Z';
      }
      if (lower && upper) {
        throw new WitSyntaxException(
            span,
            "identifier `"
                + id
                + "`: word `"
                + word
                + "` mixes upper and lower case (WIT is kebab-case)");
      }
    }
  }

  private static boolean isIdStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isIdChar(char c) {
    return isIdStart(c) || (c >= '0' && c <= '9');
  }

  private char peekChar(int ahead) {
    return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
  }

  private void advance() {
    if (text.charAt(pos) == '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
    pos++;
  }

  /** Skips whitespace and comments; returns the doc comments seen, one line each. */
  private String skipTrivia() {
    List<String> docs = new ArrayList<>();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        advance();
      } else if (c == '/' && peekChar(1) == '/') {
        boolean doc = peekChar(2) == '/' && peekChar(3) != '/';
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != '\n') {
          advance();
        }
        if (doc) {
          String body = text.substring(start + 3, pos);
          if (body.endsWith("\r")) {
            body = body.substring(0, body.length() - 1);
          }
          appendDoc(docs, body.startsWith(" ") ? body.substring(1) : body);
        }
      } else if (c == '/' && peekChar(1) == '*') {
        Span span = here();
        boolean doc = peekChar(2) == '*' && peekChar(3) != '*' && peekChar(3) != '/';
        int start = pos;
        advance();
        advance();
        int depth = 1;
        while (depth > 0) {
          if (pos >= text.length()) {
            throw new WitSyntaxException(span, "unterminated block comment");
          }
          if (text.charAt(pos) == '*' && peekChar(1) == '/') {
            depth--;
            advance();
          } else if (text.charAt(pos) == '/' && peekChar(1) == '*') {
            depth++;
            advance();
          }
          advance();
        }
        if (doc) {
          blockDoc(docs, text.substring(start + 3, pos - 2));
        }
      } else {
        break;
      }
    }
    return String.join("\n", docs);
  }

  private static void blockDoc(List<String> docs, String body) {
    String[] lines = body.split("\r?\n", -1);
    int first = 0;
    int last = lines.length - 1;
    while (first <= last && lines[first].isBlank()) {
      first++;
    }
    while (last >= first && lines[last].isBlank()) {
      last--;
    }
    for (int i = first; i <= last; i++) {
      String l = lines[i].strip();
      if (l.startsWith("* ")) {
        l = l.substring(2);
      } else if (l.equals("*")) {
        l = "";
      }
      appendDoc(docs, l);
    }
  }

  private static void appendDoc(List<String> docs, String line) {
    docs.add(line);
  }

  private static String describeChar(int cp) {
    return cp < 0x20 || cp > 0x7e
        ? String.format("U+%04X", cp)
        : "`" + new String(Character.toChars(cp)) + "`";
  }
}
