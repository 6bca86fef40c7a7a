package dev.wasidl.bindgen.wit.ast;

/**
 * A lexical token. Identifiers keep their text without the {@code %}; {@code explicit} says a
 * {@code %} was written (so the text is never a keyword). {@code docs} holds the doc comments
 * written just before the token.
 */
record Token(Kind kind, String text, boolean explicit, String docs, Span span) {
  enum Kind {
    IDENT,
    INTEGER,
    STRING,
    OPERATOR,
    EOF
  }

  boolean is(String operator) {
    return kind == Kind.OPERATOR && text.equals(operator);
  }

  boolean isKeyword(String keyword) {
    return kind == Kind.IDENT && !explicit && text.equals(keyword);
  }

  String describe() {
    return switch (kind) {
      case IDENT ->
          !explicit && Lexer.KEYWORDS.contains(text)
              ? "keyword `" + text + "`"
              : "identifier `" + (explicit ? "%" : "") + text + "`";
      case INTEGER -> "integer `" + text + "`";
      case STRING -> "string \"" + text + "\"";
      case OPERATOR -> "`" + text + "`";
      case EOF -> "end of file";
    };
  }
}
