package dev.wasidl.bindgen.wit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.bindgen.wit.ast.WitParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real WIT cut short or with a line removed either still resolves or fails with a {@link
 * WitException} that names a place; nothing else escapes (no NullPointerException,
 * ClassCastException, ...).
 */
class MalformedInputTest {
  static final Resolve WASI = Fixtures.wasi();

  static List<Path> wasiFiles() throws IOException {
    try (Stream<Path> s = Files.walk(Fixtures.WASI)) {
      return s.filter(p -> p.toString().endsWith(".wit")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("wasiFiles")
  void truncatedTextFailsCleanly(Path file) throws IOException {
    String text = Files.readString(file);
    int step = Math.max(7, text.length() / 400);
    for (int cut = 0; cut < text.length(); cut += step) {
      String prefix = text.substring(0, cut);
      try {
        WitParser.parse("cut.wit", prefix);
      } catch (WitSyntaxException e) {
        assertTrue(e.getMessage().startsWith("cut.wit:"), e::getMessage);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("wasiFiles")
  void aRemovedLineFailsCleanly(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    Resolve deps = WASI;
    for (int drop = 0; drop < lines.size(); drop++) {
      if (lines.get(drop).isBlank() || lines.get(drop).strip().startsWith("//")) {
        continue;
      }
      String text =
          String.join("\n", lines.subList(0, drop))
              + "\n"
              + String.join("\n", lines.subList(drop + 1, lines.size()));
      // a fresh package name, so the real one (already in deps) is not redefined
      String renamed = text.replaceFirst("package wasi:([a-z]+)@", "package test-copy:$1@");
      Resolve r = deps.copy();
      try {
        r.addText("drop.wit", renamed.contains("package ") ? renamed : "package a:b;\n" + renamed);
      } catch (WitException e) {
        assertTrue(e.getMessage().startsWith("drop.wit:"), e::getMessage);
      }
    }
  }
}
