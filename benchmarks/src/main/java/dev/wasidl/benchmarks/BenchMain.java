package dev.wasidl.benchmarks;

import dev.wasidl.benchmarks.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the suite with a profile and writes {@code results/latest.json}, {@code latest.md} and the
 * charts: {@code BenchMain [--full] [--out DIR] [--merge FILE.json]... [regex...]}. The short
 * profile (default) takes about ten minutes on 2 cores; {@code --full} uses the annotations'
 * settings. {@code --merge} adds entries in JMH's JSON format measured outside JMH (the libffi
 * harness) to the results.
 *
 * <p>Every benchmark class of this package is found through JMH's generated list, so a new class
 * needs no edit here. Single-shot benchmarks (a first call, each in a fresh JVM) run in a pass of
 * their own: the short profile's iteration and fork overrides would turn them into steady state.
 */
public final class BenchMain {
  /** Forks of a single-shot benchmark in the short profile (its annotation's in the full one). */
  private static final int SHORT_SINGLE_SHOT_FORKS = 5;

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    boolean full = false;
    Path out = Path.of("benchmarks", "results");
    List<String> includes = new ArrayList<>();
    List<Path> merge = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--full" -> full = true;
        case "--out" -> out = Path.of(args[++i]);
        case "--merge" -> merge.add(Path.of(args[++i]));
        default -> includes.add(args[i]);
      }
    }
    if (includes.isEmpty()) {
      includes.add("dev\\.wasidl\\.benchmarks\\..*");
    }
    List<String> steady = new ArrayList<>();
    List<String> singleShot = new ArrayList<>();
    for (BenchmarkListEntry e : selected(includes)) {
      String exact = "^" + Pattern.quote(e.getUsername()) + "$";
      (e.getMode() == Mode.SingleShotTime ? singleShot : steady).add(exact);
    }
    List<RunResult> results = new ArrayList<>();
    if (!steady.isEmpty()) {
      ChainedOptionsBuilder o = options(steady);
      if (!full) {
        // warm-up stays as each class declares it: compiled wasm needs Truffle's compiler to finish
        o.measurementIterations(3).measurementTime(TimeValue.milliseconds(500)).forks(1);
      }
      results.addAll(new Runner(o.build()).run());
    }
    if (!singleShot.isEmpty()) {
      ChainedOptionsBuilder o = options(singleShot);
      if (!full) {
        o.forks(SHORT_SINGLE_SHOT_FORKS);
      }
      results.addAll(new Runner(o.build()).run());
    }
    Files.createDirectories(out);
    Path jmhJson = out.resolve("jmh.json");
    writeJson(results, jmhJson);
    List<Path> sources = new ArrayList<>(List.of(jmhJson));
    sources.addAll(merge);
    List<Report.Row> rows = Report.readJson(sources);
    // latest.json: JMH's entries and the merged ones, one array
    Path json = out.resolve("latest.json");
    Files.writeString(json, mergedJson(sources));
    Files.delete(jmhJson);
    Report report = Report.ofRows(rows, full ? "full" : "short");
    Files.writeString(out.resolve("latest.md"), report.markdown());
    report.writeChart(out.resolve("latest.svg"));
    System.out.println(report.markdown());
    System.out.println("wrote " + json + ", latest.md and the charts (svg, png) in " + out);
  }

  private static ChainedOptionsBuilder options(List<String> includes) {
    ChainedOptionsBuilder o = new OptionsBuilder().shouldFailOnError(true);
    includes.forEach(o::include);
    return o;
  }

  /** The benchmarks of the generated list that any include regex finds, as JMH matches them. */
  private static List<BenchmarkListEntry> selected(List<String> includes) throws IOException {
    List<Pattern> patterns = includes.stream().map(Pattern::compile).toList();
    try (InputStream in = BenchMain.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
      if (in == null) {
        throw new IllegalStateException("no " + BenchmarkList.BENCHMARK_LIST + " on the classpath");
      }
      return BenchmarkList.readBenchmarkList(in).stream()
          .filter(e -> patterns.stream().anyMatch(p -> p.matcher(e.getUsername()).find()))
          .toList();
    }
  }

  private static void writeJson(Collection<RunResult> results, Path file) throws IOException {
    try (PrintStream ps =
        new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8)) {
      ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(results);
    }
  }

  /** The arrays of several JMH JSON files as one array (text level: entries are kept verbatim). */
  private static String mergedJson(List<Path> files) throws IOException {
    List<String> bodies = new ArrayList<>();
    for (Path f : files) {
      String t = Files.readString(f).strip();
      String body = t.substring(1, t.length() - 1).strip();
      if (!body.isEmpty()) {
        bodies.add(body);
      }
    }
    return "[\n" + String.join(",\n", bodies) + "\n]\n";
  }
}
