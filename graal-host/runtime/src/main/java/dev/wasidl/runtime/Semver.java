package dev.wasidl.runtime;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version as interface names carry it ({@code wasi:cli/stdout@0.2.6}), and the component
 * model's compatibility rule the Linker uses: an import of {@code 0.2.12} is satisfied by a
 * definition of any {@code 0.2.x} (for {@code 1.x} and up, any version of the same major); {@code
 * 0.0.x} and pre-releases match exactly only.
 */
public record Semver(long major, long minor, long patch, String preRelease, String build)
    implements Comparable<Semver> {
  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

  /** Parses {@code 1.2.3}, {@code 0.2.0-draft}, {@code 1.0.0+build}. */
  public static Optional<Semver> parse(String text) {
    Matcher m = SEMVER.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Semver(
              Long.parseLong(m.group(1)),
              Long.parseLong(m.group(2)),
              Long.parseLong(m.group(3)),
              m.group(4) == null ? "" : m.group(4),
              m.group(5) == null ? "" : m.group(5)));
    } catch (NumberFormatException e) {
      return Optional.empty(); // a component too large for a long is not a version we serve
    }
  }

  /**
   * The key under which compatible versions meet: {@code "1"} for 1.x.y, {@code "0.2"} for 0.2.y,
   * empty where only the exact version matches (0.0.z and pre-releases).
   */
  public Optional<String> compatibilityKey() {
    if (!preRelease.isEmpty()) {
      return Optional.empty();
    }
    if (major > 0) {
      return Optional.of(Long.toString(major));
    }
    if (minor > 0) {
      return Optional.of("0." + minor);
    }
    return Optional.empty();
  }

  @Override
  public int compareTo(Semver o) {
    int c = Long.compare(major, o.major);
    if (c == 0) {
      c = Long.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Long.compare(patch, o.patch);
    }
    if (c == 0) {
      // a pre-release sorts before its release; between pre-releases, by text (enough here)
      c =
          preRelease.isEmpty() == o.preRelease.isEmpty()
              ? preRelease.compareTo(o.preRelease)
              : preRelease.isEmpty() ? 1 : -1;
    }
    return c;
  }

  @Override
  public String toString() {
    return major
        + "."
        + minor
        + "."
        + patch
        + (preRelease.isEmpty() ? "" : "-" + preRelease)
        + (build.isEmpty() ? "" : "+" + build);
  }
}
