package dev.wasidl.wasi;

import dev.wasidl.abi.Trap;
import dev.wasidl.bindings.Tuple2;
import dev.wasidl.wasi.bindings.wasi.random.Insecure;
import dev.wasidl.wasi.bindings.wasi.random.InsecureSeed;
import dev.wasidl.wasi.bindings.wasi.random.Random;
import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * {@code wasi:random/random} ({@link SecureRandom}), {@code insecure} (a {@link SplittableRandom}
 * seeded from it) and {@code insecure-seed} (128 random bits drawn once per instance). A request
 * for more than {@link #MAX_BYTES} bytes traps rather than exhausting the heap.
 */
final class RandomHost implements Random, Insecure, InsecureSeed {
  /** The most bytes one call returns. */
  static final long MAX_BYTES = 64L << 20;

  private static final SecureRandom SECURE = new SecureRandom();

  private final SplittableRandom insecure = new SplittableRandom(SECURE.nextLong());
  private final Tuple2<Long, Long> seed = new Tuple2<>(SECURE.nextLong(), SECURE.nextLong());

  RandomHost(WasiCtx ctx) {}

  @Override
  public byte[] getRandomBytes(long len) {
    byte[] out = new byte[size(len, "get-random-bytes")];
    SECURE.nextBytes(out);
    return out;
  }

  @Override
  public long getRandomU64() {
    return SECURE.nextLong();
  }

  @Override
  public byte[] getInsecureRandomBytes(long len) {
    byte[] out = new byte[size(len, "get-insecure-random-bytes")];
    insecure.nextBytes(out);
    return out;
  }

  @Override
  public long getInsecureRandomU64() {
    return insecure.nextLong();
  }

  @Override
  public Tuple2<Long, Long> insecureSeed() {
    return seed;
  }

  private static int size(long len, String what) {
    if (Long.compareUnsigned(len, MAX_BYTES) > 0) {
      throw new Trap(
          "wasi:random "
              + what
              + ": "
              + Long.toUnsignedString(len)
              + " bytes requested, more than the "
              + MAX_BYTES
              + " this host returns at once");
    }
    return (int) len;
  }
}
