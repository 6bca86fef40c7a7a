package dev.wasidl.bindgen.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Resolve, print, parse and resolve again: the packages are equal, and printing is stable. */
class RoundTripTest {
  static List<Path> featureFixtures() throws IOException {
    try (Stream<Path> s = Files.list(Fixtures.ROOT.resolve("features"))) {
      return s.sorted().toList();
    }
  }

  static Resolve load(Path p) {
    Resolve r = new Resolve();
    if (Files.isDirectory(p)) {
      r.addPackageDir(p);
    } else {
      r.addFile(p);
    }
    return r;
  }

  /** Prints every package and resolves the texts into a new Resolve, in the same order. */
  static void assertRoundTrip(Resolve original) {
    assertFalse(original.packages().isEmpty());
    Resolve again = new Resolve();
    List<String> texts = new ArrayList<>();
    for (WitPackage p : original.packages()) {
      String text = WitPrinter.print(p);
      texts.add(text);
      again.addText(p.name() + ".wit", text);
    }
    assertEquals(original.packages().size(), again.packages().size());
    for (int i = 0; i < texts.size(); i++) {
      WitPackage before = original.packages().get(i);
      WitPackage after = again.pkg(before.name()).orElseThrow();
      assertEquals(before, after, () -> "round trip changed " + before.name());
      assertEquals(texts.get(i), WitPrinter.print(after), "printing is not stable");
    }
  }

  @Test
  void wasi() {
    assertRoundTrip(Fixtures.wasi());
  }

  @Test
  void keyvalue() {
    assertRoundTrip(load(Fixtures.ROOT.resolve("keyvalue")));
  }

  @Test
  void wasiDl() {
    assertRoundTrip(load(Fixtures.ROOT.resolve("wasi-dl/wasi-dl-0.2.0-draft.wit")));
  }

  @ParameterizedTest
  @MethodSource("featureFixtures")
  void feature(Path fixture) {
    assertRoundTrip(load(fixture));
  }
}
