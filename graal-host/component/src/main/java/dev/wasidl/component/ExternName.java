package dev.wasidl.component;

import java.util.Locale;
import java.util.Optional;

/**
 * The name of an import or export ({@code externname}): a plain name, possibly annotated as a
 * resource's constructor, method or static function, or an interface name {@code
 * ns:pkg/iface@version}.
 */
public sealed interface ExternName {
  /** The name exactly as written in the binary. */
  String text();

  /**
   * The name canonicalized for the strongly-unique check: acronyms lowercased, {@code [method]l.l}
   * and {@code [static]l.l} reduced to {@code l}, other annotations except {@code [constructor]}
   * stripped.
   */
  default String uniquenessKey() {
    return switch (this) {
      case Plain p -> p.label().toLowerCase(Locale.ROOT);
      case Constructor c -> "[constructor]" + c.resource().toLowerCase(Locale.ROOT);
      case Method m -> member(m.resource(), m.name());
      case Static s -> member(s.resource(), s.name());
      case Interface i -> i.text().toLowerCase(Locale.ROOT);
    };
  }

  private static String member(String resource, String name) {
    String r = resource.toLowerCase(Locale.ROOT);
    String n = name.toLowerCase(Locale.ROOT);
    return r.equals(n) ? r : r + "." + n;
  }

  /** A plain {@code label}. */
  record Plain(String label) implements ExternName {
    @Override
    public String text() {
      return label;
    }
  }

  /** {@code [constructor]R}. */
  record Constructor(String resource) implements ExternName {
    @Override
    public String text() {
      return "[constructor]" + resource;
    }
  }

  /** {@code [method]R.name}. */
  record Method(String resource, String name) implements ExternName {
    @Override
    public String text() {
      return "[method]" + resource + "." + name;
    }
  }

  /** {@code [static]R.name}. */
  record Static(String resource, String name) implements ExternName {
    @Override
    public String text() {
      return "[static]" + resource + "." + name;
    }
  }

  /**
   * {@code namespace:package/interface@version}.
   *
   * @param version the version after {@code @} if any (a valid semver or a canonical version)
   */
  record Interface(String namespace, String pkg, String name, Optional<String> version)
      implements ExternName {
    @Override
    public String text() {
      return namespace + ":" + pkg + "/" + name + version.map(v -> "@" + v).orElse("");
    }

    /** {@code namespace:package}, without the interface and version. */
    public String packageName() {
      return namespace + ":" + pkg;
    }
  }

  /**
   * Parses an extern name, following the lexical grammar of the Explainer.
   *
   * @throws IllegalArgumentException naming the rule that failed
   */
  static ExternName parse(String text) {
    return Names.parseExternName(text);
  }
}
