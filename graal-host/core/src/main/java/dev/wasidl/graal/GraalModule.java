package dev.wasidl.graal;

import java.nio.ByteBuffer;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;

/**
 * A core module's bytes as a GraalWasm {@link Source}. Keep one per module (a component keeps one
 * per embedded core module): GraalWasm parses a source once per engine and every store on that
 * engine evaluating the same source shares the parsed module and its compiled code.
 */
public final class GraalModule {
  private final String name;
  private final Source source;

  private GraalModule(String name, Source source) {
    this.name = name;
    this.source = source;
  }

  /**
   * A module from its binary. The name shows in GraalWasm's messages and stack traces; bytes are
   * copied.
   */
  public static GraalModule of(String name, byte[] bytes) {
    return new GraalModule(
        name, Source.newBuilder("wasm", ByteSequence.create(bytes.clone()), name).buildLiteral());
  }

  /** A module from the remaining bytes of a buffer (a component's embedded module, say). */
  public static GraalModule of(String name, ByteBuffer bytes) {
    byte[] copy = new byte[bytes.remaining()];
    bytes.duplicate().get(copy);
    return new GraalModule(
        name, Source.newBuilder("wasm", ByteSequence.create(copy), name).buildLiteral());
  }

  public String name() {
    return name;
  }

  Source source() {
    return source;
  }

  @Override
  public String toString() {
    return "GraalModule[" + name + "]";
  }
}
