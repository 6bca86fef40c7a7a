package dev.wasidl.ffm;

import dev.wasidl.ffm.internal.Native;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which libraries may be opened, which symbols of them may be reached, and optionally exactly how
 * each symbol may be used. Immutable; built with {@link #builder()}.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>{@code *} (or {@code **}) alone matches everything, the running process included: {@link
 *       #allowAll()}. With no deny rule it is unrestricted: names are passed to {@code dlopen} as
 *       given and {@code dlsym} answers as glibc does.
 *   <li>{@value #PROCESS} matches the running process ({@code dlopen(NULL)}), and nothing else does
 *       except {@code *}. Its handle reaches every symbol of the process.
 *   <li>A bare rule (no {@code /}), e.g. {@code libm.so.6} or {@code lib*.so.6}, matches a bare
 *       requested name, and an object named by a path whose last segment it matches when the loader
 *       would find that very file for that name (so {@code libc.so.6} grants {@code
 *       /usr/lib/x86_64-linux-gnu/libc.so.6}, not a copy elsewhere). A rule without {@code *} or
 *       {@code ?} also grants the file the loader finds for the rule itself, by whatever path it is
 *       named ({@code libz.so.1} grants {@code /usr/lib/x86_64-linux-gnu/libz.so.1.2.13}, the file
 *       a library opened by that rule is loaded from).
 *   <li>A path rule (with a {@code /}) matches the canonical path ({@code realpath}) of the file.
 *       It is made canonical when the policy is built: relative rules against the working
 *       directory, its literal leading segments by {@code realpath}; a {@code ..} after a glob
 *       segment is an error.
 *   <li>In globs {@code *} is any run of characters but {@code /}, {@code ?} one character but
 *       {@code /}, {@code **} any run including {@code /}.
 *   <li>A deny rule wins over an allow rule; with no matching allow rule, the open is refused.
 * </ul>
 *
 * <h2>What is matched and opened</h2>
 *
 * A requested name is resolved the way the dynamic loader would before matching: a bare name by the
 * loader's search ({@code LD_LIBRARY_PATH}, {@code /etc/ld.so.cache}, the default directories; not
 * a caller's {@code DT_RUNPATH}), a path by {@code realpath} relative to the working directory.
 * {@code dlopen} is then given that canonical path, and the object it loaded ({@code dlinfo} link
 * map) must be that file, else it is closed again and the open refused. A name with a {@code ..}
 * segment is refused outright. Refused, for example, with {@code --allow-lib '/opt/plugins/*'}:
 * {@code /opt/plugins/../../usr/lib/x86_64-linux-gnu/libc.so.6} ({@code ..}), {@code
 * /opt/plugins/sub/libx.so} ({@code *} does not span {@code /}), {@code /opt/plugins/libx.so} when
 * it is a symbolic link to a file outside {@code /opt/plugins}; with {@code libm.so*}: {@code
 * libm.so.6.d/../../x/libevil.so} ({@code ..}).
 *
 * <h2>Symbols</h2>
 *
 * A library's symbols are the ones its own object defines: a symbol {@code dlsym} finds in one of
 * its dependencies (e.g. libc's {@code system} through {@code libm.so.6}) is not found, unless the
 * policy grants that dependency too (an allow rule matches its file and no deny rule does). The
 * process handle reaches every loaded object. The wasi:dl host applies the same test to addresses
 * ({@link #checkAddress}): a foreign region or a function made from one inside a loaded object the
 * policy does not grant is refused.
 *
 * <h2>Pins</h2>
 *
 * A pin names a symbol of the libraries a rule matches and the one way it may be used: a function
 * of one signature ({@code cos: (c-double) -> c-double}) or data of one type ({@code counter: data
 * c-int}, {@code environ: data pointer}). A pinned symbol may be used only as pinned: {@code
 * get-function} needs a function pin of that signature (or a variadic pin's fixed part), {@code
 * get-alloc} a data pin of exactly that type. A pinned-only policy also refuses {@code library.get}
 * of every symbol no pin names, and every unpinned use.
 */
public final class DlPolicy {
  /** The rule that names the running process ({@code dlopen(NULL)}). */
  public static final String PROCESS = "@self";

  private static final DlPolicy ALLOW_ALL = builder().allow("*").build();

  private final List<LibraryRule> allow;
  private final List<LibraryRule> deny;
  private final List<Pin> pins;
  private final boolean pinnedOnly;
  private final boolean unrestricted;

  private DlPolicy(Builder b) {
    this.allow = List.copyOf(b.allow);
    this.deny = List.copyOf(b.deny);
    this.pins = List.copyOf(b.pins);
    this.pinnedOnly = b.pinnedOnly;
    this.unrestricted =
        deny.isEmpty() && allow.stream().anyMatch(r -> r.kind() == LibraryRule.Kind.EVERYTHING);
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

  /** Whether every symbol no pin names is refused. */
  public boolean isPinnedOnly() {
    return pinnedOnly;
  }

  /**
   * Checks that {@code name} (null for the running process) may be opened.
   *
   * @return the allow rule that matched
   * @throws PolicyException naming the deny rule that matched, or saying no allow rule did
   */
  public String checkOpen(@Nullable String name) {
    return admit(name).rule();
  }

  /** An admitted open: the rule that allowed it and the library as resolved. */
  record Admission(String rule, LibraryTarget target) {}

  /**
   * Resolves {@code name} as the loader would and checks it; an unrestricted policy resolves
   * nothing (the target has no canonical path: the name goes to dlopen as given).
   */
  Admission admit(@Nullable String name) {
    if (unrestricted) {
      LibraryTarget t =
          name == null
              ? LibraryTarget.PROCESS
              : new LibraryTarget(name, name, name.indexOf('/') < 0, null);
      return new Admission(allow.getFirst().text(), t);
    }
    LibraryTarget t = LibraryTarget.resolve(name);
    for (LibraryRule r : deny) {
      if (r.matches(t)) {
        throw new PolicyException(
            "library " + describe(t) + " is denied by rule deny " + r.describe());
      }
    }
    for (LibraryRule r : allow) {
      if (r.matches(t)) {
        return new Admission(r.text(), t);
      }
    }
    throw new PolicyException(
        "library "
            + describe(t)
            + " is not allowed: no allow rule matches it"
            + (allow.isEmpty() ? " (no library is allowed)" : " (allowed: " + texts(allow) + ")"));
  }

  /** Whether the object loaded from {@code file} (a dependency) is granted too. */
  boolean grants(LibraryTarget t) {
    if (unrestricted) {
      return true;
    }
    return deny.stream().noneMatch(r -> r.matches(t)) && allow.stream().anyMatch(r -> r.matches(t));
  }

  /**
   * Checks that a guest may reach the memory at {@code address}: through a foreign region ({@code
   * code} false) or by calling it ({@code code} true). Memory inside a loaded object (a library or
   * the main program) must be inside one the policy grants, so a guest granted {@code libm.so.6}
   * can neither read, write nor call libc by address (say, one read from libm's own relocations);
   * memory no object holds (heap, stack, anonymous mappings) may be read and written but not
   * called. Unrestricted policies, and ones granting {@value #PROCESS}, reach everything.
   *
   * @throws PolicyException naming the object that holds the address
   */
  public void checkAddress(long address, boolean code) {
    if (unrestricted || grants(LibraryTarget.PROCESS)) {
      return;
    }
    String at = (code ? "code at 0x" : "memory at 0x") + Long.toHexString(address);
    Native.AddressInfo info = Native.addressInfo(address);
    if (info == null) {
      if (code) {
        throw new PolicyException(at + " is not in any loaded library, so it may not be called");
      }
      return;
    }
    String ungranted = ungranted(info);
    if (ungranted != null) {
      throw new PolicyException(
          at + " is inside " + ungranted + ", which the policy does not grant");
    }
  }

  /**
   * The loaded object {@code info} names, as errors name it (its file, or "the main program"), when
   * the policy does not grant it; null when it does.
   */
  @Nullable String ungranted(Native.AddressInfo info) {
    String file = Native.linkMapName(info.linkMap());
    String where = file.isEmpty() ? info.file() : file;
    if (!where.isEmpty() && grants(LibraryTarget.ofObject(where))) {
      return null;
    }
    return where.isEmpty() ? "the main program" : where;
  }

  /** Whether symbols found outside a library's own object are let through without checking. */
  boolean isUnrestricted() {
    return unrestricted;
  }

  /**
   * Checks that {@code symbol} of {@code library} may be looked up: under a pinned-only policy a
   * pin must name it.
   *
   * @throws PolicyException saying it is not pinned
   */
  void checkGet(LibraryTarget library, String symbol) {
    if (pinnedOnly && matchingPins(library, symbol).isEmpty()) {
      throw new PolicyException(
          "symbol "
              + symbol
              + " of "
              + describe(library)
              + " is not pinned and the policy is pinned-only");
    }
  }

  /**
   * Checks a signature for {@code symbol} of {@code library}: where pins match the symbol, the
   * signature must equal one of them; where none does, it passes unless the policy is pinned-only.
   *
   * @throws PolicyException naming the pin rule
   */
  public void checkSignature(String library, String symbol, Signature signature) {
    checkSignature(targetOf(library), symbol, signature);
  }

  void checkSignature(LibraryTarget library, String symbol, Signature signature) {
    List<Pin> matching = matchingPins(library, symbol);
    Pin firstCall = null;
    for (Pin p : matching) {
      if (p.use() instanceof Pinned.Call c) {
        if (admits(c.signature(), signature)) {
          return;
        }
        firstCall = firstCall == null ? p : firstCall;
      }
    }
    if (firstCall != null) {
      throw new PolicyException(
          "signature "
              + signature
              + " of "
              + symbol
              + " does not match the pinned "
              + firstCall.use()
              + " (rule pin "
              + firstCall.library().text()
              + ":"
              + symbol
              + ")");
    }
    if (!matching.isEmpty()) {
      Pin p = matching.getFirst();
      throw new PolicyException(
          symbol
              + " is pinned as data, not as a function (rule pin "
              + p.library().text()
              + ":"
              + symbol
              + ": "
              + p.use()
              + ")");
    }
    if (pinnedOnly) {
      throw new PolicyException(
          "no signature is pinned for "
              + symbol
              + " of "
              + describe(library)
              + " (not pinned) and the policy is pinned-only");
    }
  }

  /**
   * Checks that {@code symbol} of {@code library} may be seen as data of {@code type} ({@code
   * symbol.get-alloc}): a pinned symbol needs a data pin of exactly that type; an unpinned one
   * passes unless the policy is pinned-only.
   *
   * @throws PolicyException naming the pin rule
   */
  void checkData(LibraryTarget library, String symbol, FfiType type) {
    List<Pin> matching = matchingPins(library, symbol);
    for (Pin p : matching) {
      if (p.use() instanceof Pinned.Data d && d.type().equals(type)) {
        return;
      }
    }
    if (!matching.isEmpty()) {
      Pin p = matching.getFirst();
      throw new PolicyException(
          symbol
              + " may not be read as "
              + type.witName()
              + ": it is pinned as "
              + (p.use() instanceof Pinned.Data ? "" : "a function ")
              + p.use()
              + " (rule pin "
              + p.library().text()
              + ":"
              + symbol
              + ")");
    }
    if (pinnedOnly) {
      throw new PolicyException(
          "symbol "
              + symbol
              + " of "
              + describe(library)
              + " is not pinned as data and the policy is pinned-only");
    }
  }

  private List<Pin> matchingPins(LibraryTarget library, String symbol) {
    List<Pin> found = new ArrayList<>(1);
    for (Pin p : pins) {
      if (p.symbol().equals(symbol) && p.library().matches(library)) {
        found.add(p);
      }
    }
    return found;
  }

  /** The target a library name stands for in the string-based checks. */
  private static LibraryTarget targetOf(String library) {
    if (library.equals(PROCESS)) {
      return LibraryTarget.PROCESS;
    }
    try {
      return LibraryTarget.resolve(library);
    } catch (PolicyException e) {
      int slash = library.lastIndexOf('/');
      return new LibraryTarget(library, library.substring(slash + 1), slash < 0, null);
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
   * Parses pin-file text of function pins only: one {@code symbol: (args) -> result} line per
   * function, in {@link Signature#parse} form; blank lines and {@code #} comments are ignored.
   * {@code source} names the text in errors. Returns the pins in file order.
   *
   * @throws IllegalArgumentException naming the source, line and what is wrong (a data pin too:
   *     read those with {@link #parsePinFile})
   */
  public static Map<String, Signature> parsePins(String source, String text) {
    Map<String, Signature> functions = new LinkedHashMap<>();
    List<String> lines = text.lines().toList();
    parsePinFile(source, text)
        .forEach(
            (symbol, use) -> {
              switch (use) {
                case Pinned.Call c -> functions.put(symbol, c.signature());
                case Pinned.Data d ->
                    throw new IllegalArgumentException(
                        source
                            + ":"
                            + lineOf(lines, symbol)
                            + ": "
                            + symbol
                            + " is a data pin; only function pins are expected here");
              }
            });
    return functions;
  }

  private static int lineOf(List<String> lines, String symbol) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith(symbol + ":")
          || lines.get(i).strip().startsWith(symbol + " ")) {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * Parses pin-file text: one line per symbol, {@code symbol: (args) -> result} for a function (in
   * {@link Signature#parse} form) or {@code symbol: data type} for data (e.g. {@code counter: data
   * c-int}, {@code environ: data pointer}, {@code origin: data struct{c-schar, c-int}}); blank
   * lines and {@code #} comments are ignored. {@code source} names the text in errors. Returns the
   * pins in file order (an insertion-ordered map).
   *
   * @throws IllegalArgumentException naming the source, line and what is wrong
   */
  public static Map<String, Pinned> parsePinFile(String source, String text) {
    Map<String, Pinned> pins = new LinkedHashMap<>();
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
      Pinned use;
      try {
        use = Pinned.parse(line.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + e.getMessage(), e);
      }
      if (pins.put(symbol, use) != null) {
        throw new IllegalArgumentException(where + symbol + " is pinned twice");
      }
    }
    return pins;
  }

  private static final Pattern PIN_SYMBOL = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.@]*");

  /**
   * The policy as text {@link #parse} reads back to an equal policy (e.g. to hand it to another
   * process): one line per rule, {@code allow RULE}, {@code deny RULE}, {@code pin LIBRARY SYMBOL
   * USE}, {@code pinned-only}, fields separated by tabs; a tab, line break or {@code %} inside a
   * field is written {@code %09}, {@code %0A}, {@code %0D}, {@code %25}. Relative path rules are
   * given as written: read them back in the same working directory.
   */
  public String toText() {
    StringBuilder b = new StringBuilder();
    allow.forEach(r -> line(b, "allow", r.text()));
    deny.forEach(r -> line(b, "deny", r.text()));
    pins.forEach(p -> line(b, "pin", p.library().text(), p.symbol(), p.use().toString()));
    if (pinnedOnly) {
      line(b, "pinned-only");
    }
    return b.toString();
  }

  /**
   * Reads the text {@link #toText} writes; {@code source} names it in errors.
   *
   * @throws IllegalArgumentException naming the source, line and what is wrong
   */
  public static DlPolicy parse(String source, String text) {
    Builder b = builder();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        continue;
      }
      List<String> f = Arrays.stream(lines.get(i).split("\t", -1)).map(DlPolicy::unescape).toList();
      try {
        switch (f.getFirst()) {
          case "allow" -> b.allow(field(f, 2).get(1));
          case "deny" -> b.deny(field(f, 2).get(1));
          case "pin" -> b.pin(field(f, 4).get(1), f.get(2), Pinned.parse(f.get(3)));
          case "pinned-only" -> b.pinnedOnly();
          default -> throw new IllegalArgumentException("unknown rule '" + f.getFirst() + "'");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return b.build();
  }

  private static void line(StringBuilder b, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      b.append(i == 0 ? "" : "\t").append(escape(fields[i]));
    }
    b.append('\n');
  }

  private static List<String> field(List<String> fields, int count) {
    if (fields.size() != count) {
      throw new IllegalArgumentException(
          "'"
              + fields.getFirst()
              + "' takes "
              + (count - 1)
              + " fields, got "
              + (fields.size() - 1));
    }
    return fields;
  }

  private static String escape(String field) {
    return field.replace("%", "%25").replace("\t", "%09").replace("\n", "%0A").replace("\r", "%0D");
  }

  private static String unescape(String field) {
    return field.replace("%09", "\t").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%");
  }

  /** The allow rules, as given. */
  public List<String> allowRules() {
    return allow.stream().map(LibraryRule::text).toList();
  }

  /** The pinned signature of {@code symbol} in {@code library}, if exactly one rule pins it. */
  public Optional<Signature> pinned(String library, String symbol) {
    List<Signature> found =
        matchingPins(targetOf(library), symbol).stream()
            .map(Pin::use)
            .filter(u -> u instanceof Pinned.Call)
            .map(u -> ((Pinned.Call) u).signature())
            .toList();
    return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
  }

  private static String describe(LibraryTarget t) {
    return t.bare() ? t.given() : t.describe();
  }

  private static String texts(List<LibraryRule> rules) {
    return String.join(", ", rules.stream().map(LibraryRule::describe).toList());
  }

  /** Builds a {@link DlPolicy}. */
  public static final class Builder {
    private final List<LibraryRule> allow = new ArrayList<>();
    private final List<LibraryRule> deny = new ArrayList<>();
    private final List<Pin> pins = new ArrayList<>();
    private boolean pinnedOnly;

    private Builder() {}

    /**
     * Allows libraries matching {@code rule} (a name, path or glob; {@value #PROCESS}).
     *
     * @throws IllegalArgumentException for an empty rule or a {@code ..} after a glob segment
     */
    public Builder allow(String rule) {
      allow.add(LibraryRule.of(rule));
      return this;
    }

    /** Denies libraries matching {@code rule}; deny wins over allow. */
    public Builder deny(String rule) {
      deny.add(LibraryRule.of(rule));
      return this;
    }

    /**
     * Pins the signature {@code symbol} of libraries matching {@code library} may be built with.
     */
    public Builder pin(String library, String symbol, Signature signature) {
      return pin(library, symbol, new Pinned.Call(signature));
    }

    /** Pins the type {@code symbol} of libraries matching {@code library} may be read as. */
    public Builder pinData(String library, String symbol, FfiType type) {
      return pin(library, symbol, new Pinned.Data(type));
    }

    /** Pins one use of {@code symbol} of libraries matching {@code library}. */
    public Builder pin(String library, String symbol, Pinned use) {
      pins.add(new Pin(LibraryRule.of(library), symbol, use));
      return this;
    }

    /** Refuses every symbol, signature and data access that no pin names. */
    public Builder pinnedOnly() {
      this.pinnedOnly = true;
      return this;
    }

    /** The policy. */
    public DlPolicy build() {
      return new DlPolicy(this);
    }
  }

  private record Pin(LibraryRule library, String symbol, Pinned use) {}
}
