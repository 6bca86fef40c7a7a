package dev.wasidl.bindgen.wit;

import java.util.Optional;

/** A variant case with an optional payload, an enum case or a flag (no payload). */
public record WitCase(String name, Optional<WitType> type, String docs) {
  public static WitCase of(String name, String docs) {
    return new WitCase(name, Optional.empty(), docs);
  }
}
