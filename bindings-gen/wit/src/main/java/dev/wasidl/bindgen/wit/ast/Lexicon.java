package dev.wasidl.bindgen.wit.ast;

/** WIT's reserved words, for printers that must write {@code %} before them. */
public final class Lexicon {
  private Lexicon() {}

  /** Whether {@code name} is a WIT keyword (and so must be written {@code %name}). */
  public static boolean isKeyword(String name) {
    return Lexer.KEYWORDS.contains(name);
  }
}
