package dev.wasidl.component;

import java.util.Optional;

/**
 * The optional attributes of an import or export name ({@code nameattributes} form {@code 0x02}):
 * {@code (implements "in")}, {@code (versionsuffix "vs")} and {@code (external-id n)}.
 */
public record NameAttributes(
    Optional<String> implementsName, Optional<String> versionSuffix, Optional<String> externalId) {
  /** No attributes (forms {@code 0x00} and {@code 0x01}). */
  public static final NameAttributes NONE =
      new NameAttributes(Optional.empty(), Optional.empty(), Optional.empty());
}
