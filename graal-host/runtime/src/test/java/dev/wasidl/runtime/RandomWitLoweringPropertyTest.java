package dev.wasidl.runtime;

import dev.wasidl.bindgen.host.HostGenerator;
import dev.wasidl.bindgen.wit.PackageName;
import dev.wasidl.bindgen.wit.Resolve;
import dev.wasidl.component.StringEncoding;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.LoweringComparison.Side;
import dev.wasidl.types.ResourceType;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Compiled lowerings of random WIT against the {@code Val} path: each try makes a random interface
 * ({@link RandomWit}), generates its Java bindings with bindings-gen, compiles them with javac in
 * this JVM and links them; then lowers random flat arguments over random memory and handle tables
 * through random functions both ways and requires the same results or traps, host calls, memory
 * bytes and handle table ({@link LoweringComparison}). A failure prints the seed's WIT.
 */
class RandomWitLoweringPropertyTest {
  private static final int FUNCTIONS = 10;
  private static final int COMPARISONS = 150;
  private static final String PACKAGE = "dev.wasidl.randombindings";
  private static GraalRuntime runtime;
  private static Path work;

  @BeforeContainer
  static void setUp() throws IOException {
    runtime = GraalRuntime.create();
    Path target = Path.of("target");
    work =
        Files.isDirectory(target)
            ? Files.createTempDirectory(target, "random-wit")
            : Files.createTempDirectory("random-wit");
  }

  @AfterContainer
  static void tearDown() {
    runtime.close();
  }

  @Property(tries = 12)
  void compiledLoweringsOfRandomWitMatchTheValPath(@ForAll long seed) throws Exception {
    String wit = RandomWit.of(seed, FUNCTIONS);
    Path dir = work.resolve(Long.toUnsignedString(seed, 16));
    ClassLoader loader = compile(wit, dir);
    Class<?> host = loader.loadClass(PACKAGE + ".test.random.Host");
    Class<?> bindings = loader.loadClass(PACKAGE + ".test.random.HostBindings");
    Linker linker = Linker.of(runtime);
    Function<Object, Object> hostOf = data -> ((Side) data).hosts().get(host);
    bindings.getMethod("add", Linker.class, Function.class).invoke(null, linker, hostOf);
    ResourceType thing = (ResourceType) bindings.getField("THING").get(null);
    String iface = (String) host.getField("NAME").get(null);
    SplittableRandom random = new SplittableRandom(seed);
    StringEncoding[] encodings = StringEncoding.values();
    for (int i = 0; i < COMPARISONS; i++) {
      String name = "f" + random.nextInt(FUNCTIONS);
      try {
        String outcome =
            LoweringComparison.compare(
                linker,
                iface,
                name,
                encodings[random.nextInt(encodings.length)],
                random,
                log -> Side.create(runtime, List.of(host), log, call -> call[1]),
                thing);
        Statistics.collect(outcome.startsWith("returned") ? "returned" : "trapped");
      } catch (AssertionError e) {
        throw new AssertionError("function " + name + " of this WIT:\n" + wit, e);
      }
    }
  }

  /**
   * Generates and compiles the bindings of {@code wit} into {@code dir}, returning their loader.
   */
  private static ClassLoader compile(String wit, Path dir) throws IOException {
    Resolve resolve = new Resolve();
    PackageName root = resolve.addText("random.wit", wit);
    Map<String, String> files =
        HostGenerator.generate(
            resolve, resolve.selectWorld(root, Optional.empty()), PACKAGE, Set.of());
    Path src = dir.resolve("src");
    Path classes = dir.resolve("classes");
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "-d",
            classes.toString(),
            "-proc:none",
            "-nowarn",
            "-classpath",
            System.getProperty("java.class.path")
                + File.pathSeparator
                + System.getProperty("jdk.module.path", "")));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = src.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
      args.add(p.toString());
    }
    java.util.spi.ToolProvider javac = java.util.spi.ToolProvider.findFirst("javac").orElseThrow();
    StringWriter out = new StringWriter();
    PrintWriter w = new PrintWriter(out);
    int status = javac.run(w, w, args.toArray(String[]::new));
    w.flush();
    if (status != 0) {
      throw new AssertionError("javac failed on the bindings of this WIT:\n" + wit + "\n" + out);
    }
    return new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, RandomWitLoweringPropertyTest.class.getClassLoader());
  }
}
