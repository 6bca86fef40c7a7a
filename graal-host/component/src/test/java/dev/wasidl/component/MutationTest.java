package dev.wasidl.component;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random byte mutations of real guests: the decoder either accepts the result or fails with a
 * {@link ComponentException} naming a section and an in-range offset; never any other exception,
 * and never a hang. One mutant in four also gets a u32 of 2^31 or more written somewhere (where a
 * size is, a huge section or vector). {@code -Dmutation.rounds=N} runs more than the default 3,000
 * per guest.
 */
class MutationTest {
  private static final int ROUNDS = Integer.getInteger("mutation.rounds", 3000);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nested-wat.wasm",
        "types-c.wasm",
        "jco-command-c.wasm",
        "echo-c.wasm",
        "dl-hello-c.wasm",
        "wasi-command-c.wasm",
        "kv-memory-c.wasm",
        "compose-app.wasm"
      })
  void mutatedGuestsFailCleanly(String guest) {
    byte[] original = Guests.bytes(guest);
    SplittableRandom random = new SplittableRandom(guest.hashCode());
    int[] round = {0};
    assertTimeoutPreemptively(
        Duration.ofSeconds(30L + ROUNDS / 100),
        () -> {
          for (; round[0] < ROUNDS; round[0]++) {
            decode(mutant(original, random), guest, round[0]);
          }
        },
        () -> "round " + round[0] + " of " + guest + " does not return");
  }

  private static byte[] mutant(byte[] original, SplittableRandom random) {
    byte[] bytes = original.clone();
    // Big guests: mutate the component's own sections, past the main module's code.
    int from = bytes.length > 100_000 ? bytes.length - 30_000 : 8;
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = from + random.nextInt(bytes.length - from);
      bytes[at] =
          switch (random.nextInt(4)) {
            case 0 -> (byte) random.nextInt(256);
            case 1 -> (byte) (bytes[at] + 1);
            case 2 -> (byte) (bytes[at] - 1);
            default -> (byte) (bytes[at] ^ 0x80);
          };
    }
    if (random.nextInt(4) == 0) {
      long huge = random.nextBoolean() ? 0xFFFF_FFFAL : 0x8000_0000L + random.nextInt(1000);
      int at = from + random.nextInt(bytes.length - from - 5);
      for (int k = 0; k < 5; k++) {
        bytes[at + k] = (byte) (((huge >>> (7 * k)) & 0x7f) | (k < 4 ? 0x80 : 0));
      }
    }
    return bytes;
  }

  private static void decode(byte[] bytes, String guest, int round) {
    try {
      ComponentDecoder.decode(bytes);
    } catch (ComponentException e) {
      assertTrue(e.offset() >= 0 && e.offset() <= bytes.length, e.getMessage());
      assertTrue(!e.section().isEmpty(), e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      fail(new AssertionError("round " + round + " of " + guest, e));
    }
  }
}
