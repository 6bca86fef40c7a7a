package dev.wasidl.component;

import java.util.Optional;

/** The lexical rules for names (labels, extern names, versions) from the Explainer. */
public final class Names {
  private Names() {}

  /** Whether {@code s} is a {@code label}: kebab-case words or acronyms, first one a letter. */
  public static boolean isLabel(String s) {
    if (s.isEmpty()) {
      return false;
    }
    String[] fragments = s.split("-", -1);
    for (int i = 0; i < fragments.length; i++) {
      String f = fragments[i];
      if (f.isEmpty()) {
        return false;
      }
      if (i == 0 && !isAsciiLetter(f.charAt(0))) {
        return false;
      }
      boolean lower = true;
      boolean upper = true;
      for (int j = 0; j < f.length(); j++) {
        char c = f.charAt(j);
        boolean digit = c >= '0' && c <= '9';
        lower &= digit || (c >= 'a' && c <= 'z');
        upper &= digit || (c >= 'A' && c <= 'Z');
      }
      if (!lower && !upper) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} is {@code words}: lowercase kebab-case, the first word starting a-z. */
  public static boolean isWords(String s) {
    if (!isLabel(s)) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Whether {@code v} is a valid semantic version (semver.org 2.0). */
  public static boolean isSemver(String v) {
    int plus = v.indexOf('+');
    String core = plus < 0 ? v : v.substring(0, plus);
    if (plus >= 0 && !identifiers(v.substring(plus + 1), false)) {
      return false;
    }
    int dash = core.indexOf('-');
    String numbers = dash < 0 ? core : core.substring(0, dash);
    if (dash >= 0 && !identifiers(core.substring(dash + 1), true)) {
      return false;
    }
    String[] parts = numbers.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    for (String p : parts) {
      if (!isNumber(p)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code v} is a {@code canonversion}: {@code 1}, {@code 0.2}, {@code 0.0.3} or 0.0.0.
   */
  public static boolean isCanonVersion(String v) {
    String[] parts = v.split("\\.", -1);
    for (String p : parts) {
      if (!isNumber(p)) {
        return false;
      }
    }
    return switch (parts.length) {
      case 1 -> !parts[0].equals("0");
      case 2 -> parts[0].equals("0") && !parts[1].equals("0");
      case 3 -> parts[0].equals("0") && parts[1].equals("0");
      default -> false;
    };
  }

  /** Whether {@code s} is a {@code semversuffix}: {@code [0-9A-Za-z.+-]*}. */
  public static boolean isSemverSuffix(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNumber(String p) {
    if (p.isEmpty() || (p.length() > 1 && p.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < p.length(); i++) {
      if (p.charAt(i) < '0' || p.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean identifiers(String s, boolean noLeadingZeros) {
    for (String id : s.split("\\.", -1)) {
      if (id.isEmpty()) {
        return false;
      }
      boolean numeric = true;
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-')) {
          return false;
        }
        numeric &= c >= '0' && c <= '9';
      }
      if (noLeadingZeros && numeric && id.length() > 1 && id.charAt(0) == '0') {
        return false;
      }
    }
    return true;
  }

  static ExternName parseExternName(String text) {
    if (text.startsWith("[constructor]")) {
      String r = text.substring("[constructor]".length());
      requireLabel(r, text);
      return new ExternName.Constructor(r);
    }
    if (text.startsWith("[method]") || text.startsWith("[static]")) {
      boolean method = text.startsWith("[method]");
      String rest = text.substring(8);
      int dot = rest.indexOf('.');
      if (dot < 0) {
        throw new IllegalArgumentException(
            "annotated name `" + text + "` lacks the `.` between resource and function label");
      }
      String r = rest.substring(0, dot);
      String f = rest.substring(dot + 1);
      requireLabel(r, text);
      requireLabel(f, text);
      return method ? new ExternName.Method(r, f) : new ExternName.Static(r, f);
    }
    if (text.startsWith("[")) {
      throw new IllegalArgumentException("unknown name annotation in `" + text + "`");
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      requireLabel(text, text);
      return new ExternName.Plain(text);
    }
    String ns = text.substring(0, colon);
    String rest = text.substring(colon + 1);
    int at = rest.indexOf('@');
    Optional<String> version = Optional.empty();
    if (at >= 0) {
      String v = rest.substring(at + 1);
      if (!isSemver(v) && !isCanonVersion(v)) {
        throw new IllegalArgumentException("`" + v + "` in `" + text + "` is not a valid semver");
      }
      version = Optional.of(v);
      rest = rest.substring(0, at);
    }
    int slash = rest.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("interface name `" + text + "` lacks `/interface`");
    }
    String pkg = rest.substring(0, slash);
    String iface = rest.substring(slash + 1);
    if (pkg.contains(":") || iface.contains("/")) {
      throw new IllegalArgumentException("nested namespaces or packages (🪺) in `" + text + "`");
    }
    if (!isWords(ns) || !isWords(pkg)) {
      throw new IllegalArgumentException(
          "namespace and package in `" + text + "` must be lowercase kebab-case words");
    }
    requireLabel(iface, text);
    return new ExternName.Interface(ns, pkg, iface, version);
  }

  private static void requireLabel(String label, String name) {
    if (!isLabel(label)) {
      throw new IllegalArgumentException(
          "`" + label + "` in name `" + name + "` is not a kebab-case label");
    }
  }
}
