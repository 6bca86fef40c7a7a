package dev.wasidl.bindgen.wit;

import java.util.Optional;

/**
 * A package name, {@code namespace:name@version}; the version is a semver string such as {@code
 * 0.2.0-draft}.
 */
public record PackageName(String namespace, String name, Optional<String> version) {
  public static PackageName of(String namespace, String name, Optional<String> version) {
    return new PackageName(namespace, name, version);
  }

  /** Parses {@code ns:name} or {@code ns:name@version}. */
  public static PackageName parse(String text) {
    int colon = text.indexOf(':');
    int at = text.indexOf('@');
    if (colon <= 0 || (at >= 0 && at < colon)) {
      throw new IllegalArgumentException("not a package name: " + text);
    }
    return at < 0
        ? new PackageName(text.substring(0, colon), text.substring(colon + 1), Optional.empty())
        : new PackageName(
            text.substring(0, colon),
            text.substring(colon + 1, at),
            Optional.of(text.substring(at + 1)));
  }

  /** {@code ns:name} without the version. */
  public String unversioned() {
    return namespace + ":" + name;
  }

  /** The qualified name of an item of this package: {@code ns:name/item@version}. */
  public String qualify(String item) {
    return unversioned() + "/" + item + version.map(v -> "@" + v).orElse("");
  }

  @Override
  public String toString() {
    return unversioned() + version.map(v -> "@" + v).orElse("");
  }
}
