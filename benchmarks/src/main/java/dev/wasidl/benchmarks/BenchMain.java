package dev.wasidl.benchmarks;

import dev.wasidl.benchmarks.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the suite with a profile and writes {@code results/latest.json}, {@code latest.md} and
 * {@code latest.svg}: {@code java -cp benchmarks.jar dev.wasidl.benchmarks.BenchMain [--full]
 * [--out DIR] [regex...]}. The short profile (default) takes a few minutes on 2 cores; {@code
 * --full} uses the annotations' measurement settings too.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    boolean full = false;
    Path out = Path.of("benchmarks", "results");
    List<String> includes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--full" -> full = true;
        case "--out" -> out = Path.of(args[++i]);
        default -> includes.add(args[i]);
      }
    }
    Files.createDirectories(out);
    Path json = out.resolve("latest.json");
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .resultFormat(ResultFormatType.JSON)
            .result(json.toString())
            .shouldFailOnError(true);
    if (includes.isEmpty()) {
      options.include("dev\\.wasidl\\.benchmarks\\..*");
    }
    includes.forEach(options::include);
    if (!full) {
      // warm-up stays as each class declares it: compiled wasm needs Truffle's compiler to finish
      options.measurementIterations(3).measurementTime(TimeValue.seconds(1)).forks(1);
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    Report report = Report.of(results, full ? "full" : "short");
    Files.writeString(out.resolve("latest.md"), report.markdown());
    report.writeChart(out.resolve("latest.svg"));
    System.out.println(report.markdown());
    System.out.println("wrote " + json + ", latest.md, latest.svg and latest.png in " + out);
  }
}
