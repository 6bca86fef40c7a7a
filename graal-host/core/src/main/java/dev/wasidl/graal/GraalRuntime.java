package dev.wasidl.graal;

import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Engine;

/**
 * The GraalWasm engine wasidl runs on: compiled code and parsed modules are cached per engine and
 * shared by every {@link GraalStore} made from it. Either {@link #create() our own engine} or
 * {@link #of(Engine) one supplied by an application} that already embeds GraalVM polyglot.
 *
 * <h2>Running compiled on a stock JDK</h2>
 *
 * <p>GraalWasm is fast only under Truffle's optimizing runtime; on a JDK without the Graal compiler
 * it falls back to the interpreter (about 300 times slower on hot loops), and {@link
 * #implementationName()} says {@code Interpreted}. On Temurin 25 the JVM needs these flags, which
 * {@link #jvmFlags(Path)} returns for a directory laid out like graal-host's {@code target/graal}:
 *
 * <pre>{@code
 * -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI
 * --upgrade-module-path=<dir>/upgrade/compiler.jar         org.graalvm.compiler:compiler:25.0.2
 * --module-path=<dir>/modules                              org.graalvm.truffle:truffle-compiler,
 *                                                          org.graalvm.sdk:collections, word, nativeimage
 *                                                          (all 25.0.2)
 * --add-modules=ALL-MODULE-PATH                            resolves them: the class path sees
 *                                                          only resolved modules
 * --enable-native-access=ALL-UNNAMED
 * --sun-misc-unsafe-memory-access=allow
 * }</pre>
 *
 * <p>with the rest (polyglot, wasm-language, truffle-api, truffle-runtime, jniutils, graal-host) on
 * the class path (graal-host's {@code JvmFlagsTest} launches a JVM so). When everything is on the
 * module path instead (as in graal-host's tests, see its {@code surefire.argLine}), give only the
 * upgrade module path, {@code --add-modules=org.graalvm.truffle.compiler} and {@code
 * --enable-native-access=org.graalvm.truffle,ALL-UNNAMED} besides the first two and the last flag.
 * The compiler's update release must not be newer than the JDK's (its JVMCI check refuses that).
 */
public final class GraalRuntime implements AutoCloseable {
  /** What {@link Engine#getImplementationName()} says when Truffle runs without a compiler. */
  public static final String INTERPRETED = "Interpreted";

  private final Engine engine;
  private final boolean owned;

  private GraalRuntime(Engine engine, boolean owned) {
    this.engine = engine;
    this.owned = owned;
  }

  /**
   * A runtime on a new engine, which {@link #close()} closes. Its linear memories live off the Java
   * heap ({@code wasm.UseUnsafeMemory}, an option GraalWasm marks experimental), where a {@code
   * memory.grow} within the reserved capacity copies nothing and the capacity grows geometrically:
   * growing a memory a page at a time to 256 MiB takes a quarter of a second, not the 37 seconds of
   * heap memories, which copy the whole memory on every grow. Being off the heap, they are bounded
   * per memory by the runtime's {@code Linker.maxMemorySize} (the maximum heap size by default),
   * which it declares as each memory's maximum. Modules may have several memories ({@code
   * wasm.MultiMemory}, part of Wasm 3.0), which wasidl's own adapters use.
   */
  public static GraalRuntime create() {
    return new GraalRuntime(
        Engine.newBuilder("wasm")
            .allowExperimentalOptions(true)
            .option("wasm.UseUnsafeMemory", "true")
            .option("wasm.MultiMemory", "true")
            .build(),
        true);
  }

  /**
   * A runtime on an application's engine, which must include the {@code wasm} language. {@link
   * #close()} leaves the engine open: its owner closes it. Memories are where the engine's options
   * put them: without {@code wasm.UseUnsafeMemory} (see {@link #create()}) they are on the heap and
   * every {@code memory.grow} copies the whole memory.
   */
  public static GraalRuntime of(Engine engine) {
    if (!engine.getLanguages().containsKey("wasm")) {
      throw new IllegalArgumentException(
          "the engine has no wasm language (add org.graalvm.polyglot:wasm); it has "
              + engine.getLanguages().keySet());
    }
    return new GraalRuntime(engine, false);
  }

  public Engine engine() {
    return engine;
  }

  /**
   * The Truffle runtime's name: {@code GraalVM CE} (or similar) compiled, {@value #INTERPRETED}
   * not.
   */
  public String implementationName() {
    return engine.getImplementationName();
  }

  /** Whether wasm code gets compiled by the Graal compiler. */
  public boolean isCompiled() {
    return !implementationName().contains(INTERPRETED);
  }

  /**
   * Fails loudly when wasm would only be interpreted: benchmarks and the command line use this.
   *
   * @throws IllegalStateException naming the JVM flags that enable the compiler
   */
  public GraalRuntime requireCompiled() {
    if (!isCompiled()) {
      throw new IllegalStateException(
          "GraalWasm runs interpreted ("
              + implementationName()
              + "): start the JVM with "
              + String.join(" ", jvmFlags(Path.of("<graal-jars>")))
              + ", see dev.wasidl.graal.GraalRuntime");
    }
    return this;
  }

  /**
   * The JVM flags that make GraalWasm run compiled on a stock JDK 25, for a directory holding
   * {@code upgrade/compiler.jar} and the jars of {@code modules/} (see the class comment).
   */
  public static List<String> jvmFlags(Path graalJars) {
    return List.of(
        "-XX:+UnlockExperimentalVMOptions",
        "-XX:+EnableJVMCI",
        "--upgrade-module-path=" + graalJars.resolve("upgrade").resolve("compiler.jar"),
        "--module-path=" + graalJars.resolve("modules"),
        "--add-modules=ALL-MODULE-PATH",
        "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow");
  }

  /** A new store (one polyglot context) on this engine. */
  public GraalStore newStore() {
    return new GraalStore(this);
  }

  /** Closes the engine if this runtime created it. */
  @Override
  public void close() {
    if (owned) {
      engine.close();
    }
  }
}
