package dev.wasidl.keyvalue;

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
 * The command line of {@code wasidl ARGS...} in a JVM of its own, as the launcher runs it
 * (graal-host's Main with GraalRuntime's flags), for tests that need a real second process.
 */
final class WasidlProcess {
  private WasidlProcess() {}

  static List<String> command(String... args) throws IOException {
    Path graalJars = Path.of("target", "graal").toAbsolutePath();
    Set<String> moduleJars;
    try (var files = Files.list(graalJars.resolve("modules"))) {
      moduleJars = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
    // As JvmFlagsTest: everything but the GraalVM module-path jars goes on the class path.
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
    command.add("dev.wasidl.cli.Main");
    command.addAll(List.of(args));
    return command;
  }
}
