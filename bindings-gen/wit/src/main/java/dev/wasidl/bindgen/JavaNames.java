package dev.wasidl.bindgen;

import java.util.Locale;
import java.util.Set;

/**
 * Java spellings of WIT and C names: {@code get-alloc} to {@code getAlloc} and {@code GetAlloc}.
 */
public final class JavaNames {
  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "true",
          "false",
          "null",
          "var",
          "record",
          "yield",
          "sealed",
          "permits",
          "_");

  private JavaNames() {}

  /** {@code get-alloc} to {@code getAlloc}; Java keywords get a trailing underscore. */
  public static String camel(String kebab) {
    String s = join(kebab, false);
    return KEYWORDS.contains(s) ? s + "_" : s;
  }

  /** {@code outgoing-value} to {@code OutgoingValue}. */
  public static String pascal(String kebab) {
    return join(kebab, true);
  }

  /** {@code c-ulong-long} to {@code C_ULONG_LONG}. */
  public static String constant(String kebab) {
    return kebab.replace('-', '_').toUpperCase(Locale.ROOT);
  }

  private static String join(String kebab, boolean capitalizeFirst) {
    StringBuilder b = new StringBuilder();
    boolean upper = capitalizeFirst;
    for (int i = 0; i < kebab.length(); i++) {
      char c = kebab.charAt(i);
      if (c == '-' || c == '_') {
        upper = true;
      } else if (upper) {
        b.append(Character.toUpperCase(c));
        upper = false;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
