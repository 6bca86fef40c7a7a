package dev.wasidl.component;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random byte mutations of real guests: the decoder either accepts the result or fails with a
 * {@link ComponentException} naming a section and an in-range offset; never any other exception.
 */
class MutationTest {
  @ParameterizedTest
  @ValueSource(strings = {"nested-wat.wasm", "types-c.wasm", "jco-command-c.wasm"})
  void mutatedGuestsFailCleanly(String guest) {
    byte[] original = Guests.bytes(guest);
    SplittableRandom random = new SplittableRandom(guest.hashCode());
    for (int round = 0; round < 3000; round++) {
      byte[] bytes = original.clone();
      int edits = 1 + random.nextInt(3);
      for (int i = 0; i < edits; i++) {
        // Big guests: mutate the component's own sections, past the main module's code.
        int from = bytes.length > 100_000 ? bytes.length - 30_000 : 8;
        int at = from + random.nextInt(bytes.length - from);
        bytes[at] =
            switch (random.nextInt(4)) {
              case 0 -> (byte) random.nextInt(256);
              case 1 -> (byte) (bytes[at] + 1);
              case 2 -> (byte) (bytes[at] - 1);
              default -> (byte) (bytes[at] ^ 0x80);
            };
      }
      try {
        ComponentDecoder.decode(bytes);
      } catch (ComponentException e) {
        assertTrue(e.offset() >= 0 && e.offset() <= bytes.length, e.getMessage());
        assertTrue(!e.section().isEmpty(), e.getMessage());
      } catch (RuntimeException | StackOverflowError e) {
        AssertionError failure = new AssertionError("round " + round + " of " + guest, e);
        fail(failure);
      }
    }
  }
}
