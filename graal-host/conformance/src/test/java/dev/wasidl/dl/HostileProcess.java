package dev.wasidl.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.testkit.core.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link HostileChild} in a JVM of its own ({@code -Xmx1g}, crash reports into a temporary folder),
 * for hostile cases that crash or exhaust the host today: a crash or an OutOfMemoryError takes the
 * child down, never the test JVM, and shows up as the child's exit code, output and hs_err file.
 *
 * @param exit the exit code, or -1 if the child was killed at the deadline
 * @param outcomes one per call that finished, in order
 * @param started the calls started (the last one may have crashed)
 * @param getenv what {@code --getenv} printed
 */
record HostileProcess(
    int exit,
    List<HostileGuest.Outcome> outcomes,
    List<String> started,
    Optional<String> getenv,
    String stdout,
    String stderr,
    Optional<String> hsErr,
    Duration took) {

  /** Runs {@code HostileChild ARGS} in {@code cwd} with {@code env} as its whole environment. */
  static HostileProcess run(Path cwd, Map<String, String> env, Duration deadline, String... args)
      throws IOException, InterruptedException {
    Path reports = Files.createTempDirectory("wasidl-hostile");
    List<String> command = ChildJvm.java(HostileChild.class.getName());
    command.addAll(
        1,
        List.of(
            "-Xmx1g",
            "-XX:-CreateCoredumpOnCrash",
            "-XX:ErrorFile=" + reports.resolve("hs_err_pid%p.log")));
    command.addAll(List.of(args));
    Path out = reports.resolve("stdout");
    Path err = reports.resolve("stderr");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(cwd.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    if (env != null) {
      pb.environment().clear();
      pb.environment().putAll(env);
    }
    long start = System.nanoTime();
    Process p = pb.start();
    int exit;
    if (p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
      exit = p.exitValue();
    } else {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
      exit = -1;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String stdout = Files.readString(out);
    String stderr = Files.readString(err);
    Optional<String> hsErr;
    try (var files = Files.list(reports)) {
      hsErr =
          files
              .filter(f -> f.getFileName().toString().startsWith("hs_err"))
              .findFirst()
              .map(f -> f.getFileName() + ":\n" + head(f));
    }
    try (var files = Files.list(reports)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(reports);
    List<HostileGuest.Outcome> outcomes = new ArrayList<>();
    List<String> started = new ArrayList<>();
    Optional<String> getenv = Optional.empty();
    for (String line : stdout.lines().toList()) {
      String[] f = line.split("\t", -1);
      for (int i = 0; i < f.length; i++) {
        f[i] = unescape(f[i]);
      }
      switch (f[0]) {
        case "call" -> started.add(f[1]);
        case "getenv" -> getenv = Optional.of(f[1]);
        case "OK", "ERR", "TRAP", "VALUE" ->
            outcomes.add(
                new HostileGuest.Outcome(
                    started.getLast(),
                    HostileGuest.Kind.valueOf(f[0]),
                    f[1],
                    f[2].isEmpty() ? Optional.empty() : Optional.of(f[2])));
        default -> {}
      }
    }
    return new HostileProcess(exit, outcomes, started, getenv, stdout, stderr, hsErr, took);
  }

  /** As {@link #run}, in this JVM's working folder and environment. */
  static HostileProcess run(Duration deadline, String... args)
      throws IOException, InterruptedException {
    return run(Path.of("").toAbsolutePath(), null, deadline, args);
  }

  /**
   * The child ran every call and exited normally: no crash, no hs_err, not killed at the deadline.
   * Returns the outcomes.
   */
  List<HostileGuest.Outcome> assertSurvived() {
    assertTrue(hsErr.isEmpty(), () -> "the host JVM crashed:\n" + this);
    assertEquals(0, exit, () -> "the host JVM did not exit normally:\n" + this);
    assertEquals(started.size(), outcomes.size(), () -> "a call did not return:\n" + this);
    assertFalse(stderr.contains("OutOfMemoryError"), () -> "the host ran out of memory:\n" + this);
    return outcomes;
  }

  private static String head(Path f) {
    try {
      return String.join("\n", Files.readAllLines(f).stream().limit(40).toList());
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(
            switch (n) {
              case 't' -> '\t';
              case 'n' -> '\n';
              default -> n;
            });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    String text = stdout.length() > 4000 ? stdout.substring(0, 4000) + "..." : stdout;
    String errs = stderr.length() > 4000 ? stderr.substring(0, 4000) + "..." : stderr;
    return "exit "
        + exit
        + " after "
        + took.toMillis()
        + " ms\n--- stdout\n"
        + text
        + "--- stderr\n"
        + errs
        + hsErr.map(h -> "--- " + h + "\n").orElse("");
  }
}
