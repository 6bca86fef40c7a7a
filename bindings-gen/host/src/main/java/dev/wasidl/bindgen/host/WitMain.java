package dev.wasidl.bindgen.host;

import dev.wasidl.bindgen.wit.PackageName;
import dev.wasidl.bindgen.wit.Resolve;
import dev.wasidl.bindgen.wit.WitException;
import dev.wasidl.bindgen.wit.World;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The command line the build runs: Java host bindings for a world.
 *
 * <pre>
 * WitMain --wit dir [--world name] --package p --out dir [--features a,b]
 * </pre>
 *
 * {@code dir} is a WIT package directory (its {@code deps/} folder holds the dependencies). The
 * output directory is emptied first, so bindings of removed interfaces do not linger. Exit status:
 * 0, 1 on an error (one message on stderr, WIT errors with file:line:column), 2 on a usage error.
 */
public final class WitMain {
  private static final String USAGE =
      "usage: WitMain --wit dir [--world name] --package p --out dir [--features a,b]";

  private WitMain() {}

  public static void main(String[] args) {
    int status = run(List.of(args), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs with these arguments and streams; returns the exit status. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    Path wit = null;
    Path outDir = null;
    String pkg = null;
    Optional<String> world = Optional.empty();
    Set<String> features = new HashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-h") || a.equals("--help")) {
        out.println(USAGE);
        return 0;
      }
      if (i + 1 >= args.size()) {
        err.println(a + " needs a value");
        err.println(USAGE);
        return 2;
      }
      String v = args.get(++i);
      switch (a) {
        case "--wit" -> wit = Path.of(v);
        case "--out" -> outDir = Path.of(v);
        case "--package" -> pkg = v;
        case "--world" -> world = Optional.of(v);
        case "--features" -> features.addAll(List.of(v.split(",")));
        default -> {
          err.println("unknown option " + a);
          err.println(USAGE);
          return 2;
        }
      }
    }
    if (wit == null || outDir == null || pkg == null) {
      err.println(USAGE);
      return 2;
    }
    try {
      Resolve resolve = new Resolve();
      PackageName root = resolve.addPackageDir(wit);
      World w = resolve.selectWorld(root, world);
      Map<String, String> files = HostGenerator.generate(resolve, w, pkg, features);
      write(outDir, files);
      out.println("wrote " + files.size() + " files for world " + w.owner() + " to " + outDir);
      return 0;
    } catch (WitException e) {
      err.println(e.getMessage());
      return 1;
    } catch (UncheckedIOException e) {
      err.println(e.getCause().getMessage());
      return 1;
    }
  }

  private static void write(Path outDir, Map<String, String> files) {
    try {
      if (Files.exists(outDir)) {
        try (Stream<Path> all = Files.walk(outDir)) {
          for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
            if (!p.equals(outDir)) {
              Files.delete(p);
            }
          }
        }
      }
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path p = outDir.resolve(e.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
