package dev.wasidl.bindgen.wit;

import java.util.Optional;

/** A variant case with an optional payload, an enum case or a flag (no payload). */
public record Case(String name, Optional<WitType> type, String docs) {
  public static Case of(String name, String docs) {
    return new Case(name, Optional.empty(), docs);
  }
}
