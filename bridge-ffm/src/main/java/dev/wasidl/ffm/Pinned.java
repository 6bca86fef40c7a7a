package dev.wasidl.ffm;

/**
 * How a pin lets a symbol be used: as a function of exactly one signature, or as data of exactly
 * one type. Text form (a pin file's right-hand side): {@code (c-double) -> c-double} or {@code data
 * c-int}, {@code data pointer}, {@code data struct{c-int, c-double}}.
 */
public sealed interface Pinned {
  /** A function pin: {@code symbol.get-function} with this signature only. */
  record Call(Signature signature) implements Pinned {
    @Override
    public String toString() {
      return signature.toString();
    }
  }

  /** A data pin: {@code symbol.get-alloc} with this type only. */
  record Data(FfiType type) implements Pinned {
    @Override
    public String toString() {
      return "data " + type.witName();
    }
  }

  /**
   * Parses the text form.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  static Pinned parse(String text) {
    String t = text.strip();
    if (t.startsWith("data") && (t.length() == 4 || Character.isWhitespace(t.charAt(4)))) {
      String type = t.substring(4).strip();
      if (type.isEmpty()) {
        throw new IllegalArgumentException("expected a type after 'data'");
      }
      return new Data(FfiType.parse(type));
    }
    return new Call(Signature.parse(t));
  }
}
