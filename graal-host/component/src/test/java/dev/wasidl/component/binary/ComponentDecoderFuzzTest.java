package dev.wasidl.component.binary;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasidl.component.ComponentDecoder;
import dev.wasidl.component.ComponentException;

/**
 * The decoder and validator on untrusted bytes, guided by coverage (Jazzer): any outcome but a
 * decoded component or a {@link ComponentException} is a finding (an unchecked exception, a stack
 * overflow, a hang past the timeout). Seeded with every committed guest component; each finding is
 * kept as a regression input under {@code ComponentDecoderFuzzTestInputs/decode}. Without {@code
 * JAZZER_FUZZ} (the default test run) it replays those inputs; the build's {@code fuzz-decoder}
 * execution fuzzes it for {@code -Dfuzz.duration}.
 */
class ComponentDecoderFuzzTest {
  @FuzzTest
  void decode(byte[] bytes) {
    try {
      ComponentDecoder.decode(bytes);
    } catch (ComponentException expected) {
      // malformed, invalid or unsupported: a clear error is the right outcome
    }
  }
}
