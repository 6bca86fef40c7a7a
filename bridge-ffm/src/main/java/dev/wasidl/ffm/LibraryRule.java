package dev.wasidl.ffm;

import dev.wasidl.ffm.internal.Native;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * One library rule of a {@link DlPolicy}, as written and in the form it is matched in: everything
 * ({@code *} or {@code **} alone), the running process ({@value DlPolicy#PROCESS}), a bare name or
 * glob (no {@code /}), or a path or path glob, made canonical when the rule is built.
 *
 * @param text the rule as written
 * @param kind what it names
 * @param canonical for a path rule, the pattern after canonicalization; else {@code text}
 * @param glob the compiled pattern: {@code *} and {@code ?} never match {@code /}, {@code **} does
 */
record LibraryRule(String text, Kind kind, String canonical, Pattern glob) {
  enum Kind {
    EVERYTHING,
    PROCESS,
    BARE,
    PATH
  }

  static LibraryRule of(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("an empty library rule matches nothing");
    }
    if (text.equals("*") || text.equals("**")) {
      return new LibraryRule(text, Kind.EVERYTHING, text, Pattern.compile(".*", Pattern.DOTALL));
    }
    if (text.equals(DlPolicy.PROCESS)) {
      return new LibraryRule(text, Kind.PROCESS, text, Pattern.compile(Pattern.quote(text)));
    }
    if (text.indexOf('/') < 0) {
      return new LibraryRule(text, Kind.BARE, text, compile(text));
    }
    String canonical = canonicalPath(text);
    return new LibraryRule(text, Kind.PATH, canonical, compile(canonical));
  }

  /**
   * A path rule made absolute (against the working directory) and canonical: its literal part (the
   * segments before the first one with {@code *} or {@code ?}) by {@code realpath} when it exists,
   * else lexically; the glob part is kept as written and may not contain {@code ..}.
   */
  private static String canonicalPath(String text) {
    String abs = Path.of(text).isAbsolute() ? text : Path.of("").toAbsolutePath() + "/" + text;
    String[] segments = abs.split("/", -1);
    int firstGlob = segments.length;
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].indexOf('*') >= 0 || segments[i].indexOf('?') >= 0) {
        firstGlob = i;
        break;
      }
    }
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < firstGlob; i++) {
      literal.append(segments[i]).append(i + 1 < firstGlob ? "/" : "");
    }
    String prefix = literal.isEmpty() ? "/" : literal.toString();
    String real = Native.realpath(prefix);
    String base = real != null ? real : Path.of(prefix).normalize().toString();
    if (firstGlob == segments.length) {
      return base;
    }
    StringBuilder rest = new StringBuilder();
    for (int i = firstGlob; i < segments.length; i++) {
      if (segments[i].equals("..")) {
        throw new IllegalArgumentException(
            "library rule " + text + " has a '..' segment after a glob: it could match anything");
      }
      rest.append('/').append(segments[i]);
    }
    return (base.equals("/") ? "" : base) + rest;
  }

  /** {@code **} any run of characters, {@code *} any run without {@code /}, {@code ?} one. */
  static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** Whether this rule names {@code t}. */
  boolean matches(LibraryTarget t) {
    return switch (kind) {
      case EVERYTHING -> true;
      case PROCESS -> t.isProcess();
      case BARE ->
          !t.isProcess()
              && ((t.name() != null
                      && glob.matcher(t.name()).matches()
                      && (t.bare() || t.isWhatTheLoaderFinds(t.name())))
                  // a library opened by this rule is loaded from its canonical file, whose name may
                  // differ (libz.so.1 is libz.so.1.2.13): the rule still grants that file
                  || (!t.bare() && isLiteral() && t.isWhatTheLoaderFinds(text)));
      case PATH -> t.canonical() != null && glob.matcher(t.canonical()).matches();
    };
  }

  private boolean isLiteral() {
    return text.indexOf('*') < 0 && text.indexOf('?') < 0;
  }

  /** The rule as written, with its canonical form when that differs. */
  String describe() {
    return canonical.equals(text) ? text : text + " (" + canonical + ")";
  }
}
