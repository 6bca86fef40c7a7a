package dev.wasidl.ffm;

import dev.wasidl.ffm.internal.Native;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which libraries may be opened, and optionally the exact signatures their symbols may be called
 * with. Immutable; built with {@link #builder()}.
 *
 * <p>A rule is an exact name or a glob ({@code *} any run of characters, {@code ?} one character).
 * It matches a library by the name exactly as given to {@code open}, or, for a name with a {@code
 * /}, by its resolved absolute path. The running process ({@code open(none)}) is matched only by
 * {@code *} or by the rule {@value #PROCESS}. A deny rule wins over an allow rule; with no matching
 * allow rule, the open is refused.
 */
public final class DlPolicy {
  /** The rule that names the running process ({@code dlopen(NULL)}). */
  public static final String PROCESS = "@self";

  private static final DlPolicy ALLOW_ALL = builder().allow("*").build();

  private final List<Rule> allow;
  private final List<Rule> deny;
  private final List<Pin> pins;
  private final boolean pinnedOnly;

  private DlPolicy(Builder b) {
    this.allow = List.copyOf(b.allow);
    this.deny = List.copyOf(b.deny);
    this.pins = List.copyOf(b.pins);
    this.pinnedOnly = b.pinnedOnly;
  }

  /** Every library may be opened and every signature built: the Java API's default. */
  public static DlPolicy allowAll() {
    return ALLOW_ALL;
  }

  /** Nothing may be opened: the component host's default. */
  public static DlPolicy denyAll() {
    return builder().build();
  }

  /** A policy builder, starting from deny-all. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks that {@code name} (null for the running process) may be opened.
   *
   * @return the allow rule that matched
   * @throws PolicyException naming the deny rule that matched, or saying no allow rule did
   */
  public String checkOpen(@Nullable String name) {
    String given = name == null ? PROCESS : name;
    String resolved = name != null && name.indexOf('/') >= 0 ? Native.realpath(name) : null;
    for (Rule r : deny) {
      if (r.matches(given, resolved)) {
        throw new PolicyException(
            "library " + describe(given, resolved) + " is denied by rule deny " + r.text);
      }
    }
    for (Rule r : allow) {
      if (r.matches(given, resolved)) {
        return r.text;
      }
    }
    throw new PolicyException(
        "library "
            + describe(given, resolved)
            + " is not allowed: no allow rule matches it"
            + (allow.isEmpty() ? " (no library is allowed)" : " (allowed: " + texts(allow) + ")"));
  }

  /**
   * Checks a signature for {@code symbol} of {@code library}: where pins match the symbol, the
   * signature must equal one of them; where none does, it passes unless the policy is pinned-only.
   *
   * @throws PolicyException naming the pin rule
   */
  public void checkSignature(String library, String symbol, Signature signature) {
    String resolved = library.indexOf('/') >= 0 ? Native.realpath(library) : null;
    List<Pin> matching = new ArrayList<>();
    for (Pin p : pins) {
      if (p.symbol.equals(symbol) && p.library.matches(library, resolved)) {
        if (admits(p.signature, signature)) {
          return;
        }
        matching.add(p);
      }
    }
    if (!matching.isEmpty()) {
      throw new PolicyException(
          "signature "
              + signature
              + " of "
              + symbol
              + " does not match the pinned "
              + matching.getFirst().signature
              + " (rule pin "
              + matching.getFirst().library.text
              + ":"
              + symbol
              + ")");
    }
    if (pinnedOnly) {
      throw new PolicyException(
          "no signature is pinned for "
              + symbol
              + " of "
              + library
              + " and the policy is pinned-only");
    }
  }

  /**
   * Whether a pinned signature admits a call's signature: equal, or, for a pin that ends in {@code
   * ...} (a variadic function's fixed part), the same fixed part and result with any variadic
   * arguments after it.
   */
  static boolean admits(Signature pin, Signature call) {
    if (pin.equals(call)) {
      return true;
    }
    int fixed = pin.params().size();
    return pin.firstVariadic().isPresent()
        && pin.firstVariadic().getAsInt() == fixed
        && call.firstVariadic().isPresent()
        && call.firstVariadic().getAsInt() == fixed
        && call.params().size() >= fixed
        && call.params().subList(0, fixed).equals(pin.params())
        && call.result().equals(pin.result());
  }

  /**
   * Parses pin-file text: one {@code symbol: (args) -> result} line per function, in {@link
   * Signature#parse} form; blank lines and {@code #} comments are ignored. {@code source} names the
   * text in errors. Returns the pins in file order (an insertion-ordered map).
   *
   * @throws IllegalArgumentException naming the source, line and what is wrong
   */
  public static java.util.Map<String, Signature> parsePins(String source, String text) {
    java.util.LinkedHashMap<String, Signature> pins = new java.util.LinkedHashMap<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = source + ":" + (i + 1) + ": ";
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(where + "expected 'symbol: (args) -> result'");
      }
      String symbol = line.substring(0, colon).strip();
      if (!PIN_SYMBOL.matcher(symbol).matches()) {
        throw new IllegalArgumentException(where + "'" + symbol + "' is not a symbol name");
      }
      Signature signature;
      try {
        signature = Signature.parse(line.substring(colon + 1).strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + e.getMessage(), e);
      }
      if (pins.put(symbol, signature) != null) {
        throw new IllegalArgumentException(where + symbol + " is pinned twice");
      }
    }
    return pins;
  }

  private static final java.util.regex.Pattern PIN_SYMBOL =
      java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.@]*");

  /** The allow rules, as given. */
  public List<String> allowRules() {
    return allow.stream().map(r -> r.text).toList();
  }

  /** The pinned signature of {@code symbol} in {@code library}, if exactly one rule pins it. */
  public Optional<Signature> pinned(String library, String symbol) {
    List<Signature> found =
        pins.stream()
            .filter(p -> p.symbol.equals(symbol) && p.library.matches(library, null))
            .map(p -> p.signature)
            .toList();
    return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
  }

  private static String describe(String given, @Nullable String resolved) {
    return resolved == null || resolved.equals(given) ? given : given + " (" + resolved + ")";
  }

  private static String texts(List<Rule> rules) {
    return String.join(", ", rules.stream().map(r -> r.text).toList());
  }

  /** Builds a {@link DlPolicy}. */
  public static final class Builder {
    private final List<Rule> allow = new ArrayList<>();
    private final List<Rule> deny = new ArrayList<>();
    private final List<Pin> pins = new ArrayList<>();
    private boolean pinnedOnly;

    private Builder() {}

    /** Allows libraries matching {@code rule} (a name, path or glob; {@value #PROCESS}). */
    public Builder allow(String rule) {
      allow.add(Rule.of(rule));
      return this;
    }

    /** Denies libraries matching {@code rule}; deny wins over allow. */
    public Builder deny(String rule) {
      deny.add(Rule.of(rule));
      return this;
    }

    /**
     * Pins the signature {@code symbol} of libraries matching {@code library} may be built with.
     */
    public Builder pin(String library, String symbol, Signature signature) {
      pins.add(new Pin(Rule.of(library), symbol, signature));
      return this;
    }

    /** Refuses every signature that no pin names. */
    public Builder pinnedOnly() {
      this.pinnedOnly = true;
      return this;
    }

    /** The policy. */
    public DlPolicy build() {
      return new DlPolicy(this);
    }
  }

  private record Pin(Rule library, String symbol, Signature signature) {}

  private record Rule(String text, Pattern glob) {
    static Rule of(String text) {
      if (text.isEmpty()) {
        throw new IllegalArgumentException("an empty library rule matches nothing");
      }
      StringBuilder regex = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '*' -> regex.append(".*");
          case '?' -> regex.append('.');
          default -> regex.append(Pattern.quote(String.valueOf(c)));
        }
      }
      return new Rule(text, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    boolean matches(String given, @Nullable String resolved) {
      if (given.equals(PROCESS)) {
        return text.equals("*") || text.equals(PROCESS);
      }
      return glob.matcher(given).matches()
          || (resolved != null && glob.matcher(resolved).matches());
    }
  }
}
