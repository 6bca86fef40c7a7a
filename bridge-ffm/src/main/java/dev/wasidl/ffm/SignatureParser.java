package dev.wasidl.ffm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the text form of {@link Signature#toString()}: {@code (c-int, pointer) -> c-double}, with
 * {@code ...} before the first variadic argument, {@code struct{...}} for structs, and no arrow for
 * {@code void}.
 */
final class SignatureParser {
  private final String text;
  private int pos;

  private SignatureParser(String text) {
    this.text = text;
  }

  static Signature parse(String text) {
    SignatureParser p = new SignatureParser(text);
    Signature s = p.signature();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("unexpected text");
    }
    return s;
  }

  static FfiType parseType(String text) {
    SignatureParser p = new SignatureParser(text);
    FfiType t = p.type();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("unexpected text");
    }
    return t;
  }

  private Signature signature() {
    expect('(');
    List<FfiType> params = new ArrayList<>();
    OptionalInt variadic = OptionalInt.empty();
    skipSpace();
    if (!peek(')')) {
      while (true) {
        skipSpace();
        if (text.startsWith("...", pos)) {
          if (variadic.isPresent()) {
            throw error("a second '...'");
          }
          pos += 3;
          variadic = OptionalInt.of(params.size());
          skipSpace();
          if (peek(')')) {
            break;
          }
        }
        params.add(type());
        skipSpace();
        if (peek(')')) {
          break;
        }
        expect(',');
      }
    }
    expect(')');
    skipSpace();
    Optional<FfiType> result = Optional.empty();
    if (text.startsWith("->", pos)) {
      pos += 2;
      result = Optional.of(type());
    }
    return new Signature(params, result, variadic);
  }

  private FfiType type() {
    skipSpace();
    if (text.startsWith("struct{", pos)) {
      pos += "struct{".length();
      List<FfiType> fields = new ArrayList<>();
      while (true) {
        fields.add(type());
        skipSpace();
        if (peek('}')) {
          pos++;
          return StructType.of(fields);
        }
        expect(',');
      }
    }
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '-')) {
      pos++;
    }
    String name = text.substring(start, pos);
    try {
      return PrimitiveType.ofWitName(name);
    } catch (IllegalArgumentException e) {
      pos = start;
      throw error("unknown type '" + name + "'");
    }
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) {
    skipSpace();
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(
        what + " at column " + (pos + 1) + " of signature \"" + text + "\"");
  }
}
