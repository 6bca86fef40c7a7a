package dev.wasidl.wasi;

/**
 * The host side of {@code random/Random} and {@code random/Insecure} and {@code
 * random/InsecureSeed}: not implemented yet.
 */
final class RandomHost
    implements dev.wasidl.wasi.bindings.wasi.random.Random,
        dev.wasidl.wasi.bindings.wasi.random.Insecure,
        dev.wasidl.wasi.bindings.wasi.random.InsecureSeed {
  @SuppressWarnings({"UnusedVariable", "unused"}) // until every function is implemented
  private final WasiCtx ctx;

  RandomHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public byte[] getRandomBytes(long len) {
    throw Wasi.notImplemented("Random.getRandomBytes");
  }

  @Override
  public long getRandomU64() {
    throw Wasi.notImplemented("Random.getRandomU64");
  }

  @Override
  public byte[] getInsecureRandomBytes(long len) {
    throw Wasi.notImplemented("Insecure.getInsecureRandomBytes");
  }

  @Override
  public long getInsecureRandomU64() {
    throw Wasi.notImplemented("Insecure.getInsecureRandomU64");
  }

  @Override
  public dev.wasidl.bindings.Tuple2<java.lang.Long, java.lang.Long> insecureSeed() {
    throw Wasi.notImplemented("InsecureSeed.insecureSeed");
  }
}
