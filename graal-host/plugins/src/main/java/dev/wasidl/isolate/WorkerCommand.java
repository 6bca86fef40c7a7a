package dev.wasidl.isolate;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts a worker JVM like this one: the same {@code java}, the same JVM options
 * (the Graal compiler's, the module path, memory), the same class path, with the worker's own fatal
 * error report file and no debugger agent or {@code OnError} command of the host's.
 */
final class WorkerCommand {
  private WorkerCommand() {}

  static List<String> of(Class<?> main, Path errorReport, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!option.startsWith("-XX:ErrorFile=")
          && !option.startsWith("-XX:OnError=")
          && !option.startsWith("-XX:+CreateCoredumpOnCrash")
          && !option.startsWith("-agentlib:jdwp")
          && !option.startsWith("-Xrunjdwp")) {
        command.add(option);
      }
    }
    // the report says which native frame faulted; no core file per crash
    command.add("-XX:ErrorFile=" + errorReport);
    command.add("-XX:-CreateCoredumpOnCrash");
    String classPath = System.getProperty("java.class.path", "");
    if (!classPath.isEmpty()) {
      command.add("-cp");
      command.add(classPath);
    }
    Module module = main.getModule();
    if (module.isNamed()) {
      if (command.stream().noneMatch(o -> o.startsWith("--module-path") || o.equals("-p"))) {
        command.add("--module-path=" + System.getProperty("jdk.module.path", ""));
      }
      command.add("-m");
      command.add(module.getName() + "/" + main.getName());
    } else {
      command.add(main.getName());
    }
    command.addAll(args);
    return command;
  }
}
