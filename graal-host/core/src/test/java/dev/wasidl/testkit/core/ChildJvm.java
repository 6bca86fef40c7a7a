package dev.wasidl.testkit.core;

import dev.wasidl.graal.GraalRuntime;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The command line of a JVM of its own running graal-host's classes as the launcher does (with
 * GraalRuntime's flags), for tests that need a real second process.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** {@code wasidl ARGS...}. */
  public static List<String> wasidl(String... args) throws IOException {
    List<String> command = java("dev.wasidl.cli.Main");
    command.addAll(List.of(args));
    return command;
  }

  /** {@code java MAIN}, flags and class path as the launcher's; the list is mutable. */
  public static List<String> java(String mainClass) throws IOException {
    Path graalJars = Path.of("target", "graal").toAbsolutePath();
    Set<String> moduleJars;
    try (var files = Files.list(graalJars.resolve("modules"))) {
      moduleJars = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
    // Surefire puts graal-host and its dependencies on the module path and the tests on the class
    // path: launch everything but the GraalVM module-path jars from the class path.
    List<String> classPath = new ArrayList<>();
    for (String property : List.of("jdk.module.path", "java.class.path")) {
      for (String entry : System.getProperty(property, "").split(File.pathSeparator, -1)) {
        String file = Path.of(entry).getFileName().toString();
        boolean onModulePath =
            moduleJars.stream().anyMatch(jar -> file.startsWith(jar.replace(".jar", "-")));
        if (!entry.isEmpty() && !onModulePath) {
          classPath.add(entry);
        }
      }
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(GraalRuntime.jvmFlags(graalJars));
    command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath)));
    command.add(mainClass);
    return command;
  }
}
