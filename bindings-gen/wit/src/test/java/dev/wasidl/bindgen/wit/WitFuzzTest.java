package dev.wasidl.bindgen.wit;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The WIT parser and resolver on untrusted text, guided by coverage (Jazzer): a file either
 * resolves, and then prints and resolves again, or fails with a {@link WitException} (a syntax or
 * resolution error with its position); anything else is a finding. Seeded with the WIT fixtures
 * (WASI, wasi:dl, keyvalue, features, errors); findings are kept under {@code
 * WitFuzzTestInputs/parse}. Replays them without {@code JAZZER_FUZZ}; the build's {@code fuzz-wit}
 * execution fuzzes it.
 */
class WitFuzzTest {
  @FuzzTest
  void parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    Resolve resolve = new Resolve();
    try {
      resolve.addText("fuzz.wit", text);
    } catch (WitException expected) {
      return;
    }
    // each package printed, then all resolved again together (a file's nested packages use each
    // other), dependencies first as the resolver lists them
    Resolve again = new Resolve();
    for (WitPackage p : resolve.packages()) {
      again.addText(p.name() + ".wit", WitPrinter.print(p));
    }
  }
}
