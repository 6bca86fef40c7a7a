package dev.wasidl.bindgen.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each file under wit/errors fails with the message on its first line ({@code // expect: }). */
class ErrorFixturesTest {
  static List<Path> errorFixtures() throws IOException {
    try (Stream<Path> s = Files.list(Fixtures.ROOT.resolve("errors"))) {
      return s.filter(p -> p.toString().endsWith(".wit")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("errorFixtures")
  void failsWithPlaceAndMessage(Path file) throws IOException {
    String first = Files.readAllLines(file).get(0);
    assertTrue(first.startsWith("// expect: "), file + " has no `// expect:` line");
    String expected =
        file + ":" + first.substring("// expect: ".length()).replace("FILE", file.toString());
    WitException e = assertThrows(WitException.class, () -> new Resolve().addFile(file));
    assertEquals(expected, e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("errorFixtures")
  void errorsAreSyntaxOrResolveFailures(Path file) {
    WitException e = assertThrows(WitException.class, () -> new Resolve().addFile(file));
    assertTrue(e instanceof WitSyntaxException || e instanceof WitResolveException, e::toString);
  }
}
