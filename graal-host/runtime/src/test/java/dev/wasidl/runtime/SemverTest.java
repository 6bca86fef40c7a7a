package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SemverTest {
  @Test
  void compatibilityKeys() {
    assertEquals(Optional.of("0.2"), Semver.parse("0.2.6").orElseThrow().compatibilityKey());
    assertEquals(Optional.of("0.2"), Semver.parse("0.2.12").orElseThrow().compatibilityKey());
    assertEquals(Optional.of("1"), Semver.parse("1.4.0").orElseThrow().compatibilityKey());
    assertEquals(Optional.empty(), Semver.parse("0.0.3").orElseThrow().compatibilityKey());
    assertEquals(Optional.empty(), Semver.parse("0.2.0-draft").orElseThrow().compatibilityKey());
  }

  @Test
  void parsingAndOrder() {
    assertTrue(Semver.parse("0.2").isEmpty());
    assertTrue(Semver.parse("01.2.3").isEmpty());
    assertEquals("0.2.0-draft+x", Semver.parse("0.2.0-draft+x").orElseThrow().toString());
    assertTrue(
        Semver.parse("0.2.12").orElseThrow().compareTo(Semver.parse("0.2.6").orElseThrow()) > 0);
    assertTrue(
        Semver.parse("0.2.0-draft").orElseThrow().compareTo(Semver.parse("0.2.0").orElseThrow())
            < 0);
  }
}
