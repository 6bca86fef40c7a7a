package dev.wasidl.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.style.Styler;
import org.openjdk.jmh.results.RunResult;

/**
 * A benchmark run as a Markdown table, the ratios we track, and a chart (ns/op per path, log scale,
 * peers beside ours). Names the device and the JDK, as every report must.
 */
public final class Report {
  /** One measured row. */
  public record Row(String benchmark, String params, double score, double error, String unit) {
    String clazz() {
      return benchmark.substring(0, benchmark.lastIndexOf('.'));
    }

    String method() {
      return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }
  }

  /** A tracked ratio: numerator path over denominator path for one parameter set. */
  record Ratio(String name, String params, double value, double error, String goal) {}

  private final List<Row> rows;
  private final String profile;

  private Report(List<Row> rows, String profile) {
    this.rows = List.copyOf(rows);
    this.profile = profile;
  }

  /** A report of rows already measured. */
  public static Report ofRows(List<Row> rows, String profile) {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(
        Comparator.comparing(Row::clazz)
            .thenComparing(Row::params)
            .thenComparingDouble(Row::score));
    return new Report(sorted, profile);
  }

  public static Report of(Collection<RunResult> results, String profile) {
    List<Row> rows = new ArrayList<>();
    for (RunResult r : results) {
      var params = r.getParams();
      String p =
          String.join(
              ",", params.getParamsKeys().stream().map(k -> k + "=" + params.getParam(k)).toList());
      var primary = r.getPrimaryResult();
      rows.add(
          new Row(
              params.getBenchmark().replace("dev.wasidl.benchmarks.", ""),
              p,
              primary.getScore(),
              primary.getScoreError(),
              primary.getScoreUnit()));
    }
    return ofRows(rows, profile);
  }

  private Optional<Row> find(String clazz, String method, String params) {
    return rows.stream()
        .filter(
            r -> r.clazz().equals(clazz) && r.method().equals(method) && r.params().equals(params))
        .findFirst();
  }

  List<Ratio> ratios() {
    List<Ratio> out = new ArrayList<>();
    for (String params : rows.stream().map(Row::params).distinct().toList()) {
      ratio(
          out,
          "bridge-ffm raw / static invokeExact",
          "DowncallOverhead",
          "bridgeRaw",
          "staticInvokeExact",
          params,
          "<= 1.3");
      ratio(
          out,
          "JNA Function.invoke / bridge-ffm raw",
          "DowncallOverhead",
          "jnaFunctionInvoke",
          "bridgeRaw",
          params,
          ">= 10");
      ratio(
          out,
          "jnr-ffi / bridge-ffm raw",
          "DowncallOverhead",
          "jnrFfi",
          "bridgeRaw",
          params,
          "> 1");
    }
    return out;
  }

  private void ratio(
      List<Ratio> out,
      String name,
      String clazz,
      String top,
      String bottom,
      String params,
      String goal) {
    Optional<Row> a = find(clazz, top, params);
    Optional<Row> b = find(clazz, bottom, params);
    if (a.isPresent() && b.isPresent()) {
      double v = a.get().score() / b.get().score();
      // first-order propagation of the two relative errors
      double rel =
          Math.sqrt(
              Math.pow(a.get().error() / a.get().score(), 2)
                  + Math.pow(b.get().error() / b.get().score(), 2));
      out.add(new Ratio(name, params, v, Double.isNaN(rel) ? 0 : v * rel, goal));
    }
  }

  /** Where and on what the numbers were taken. */
  public static String environment() {
    return String.format(
        Locale.ROOT,
        "%s %s, %d cores, %s %s (%s)",
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.vendor"),
        System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.name"));
  }

  public String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("Measured on ")
        .append(environment())
        .append(", JMH 1.37, profile ")
        .append(profile)
        .append(".\n\n");
    b.append("| benchmark | params | score | error | unit |\n|---|---|---:|---:|---|\n");
    for (Row r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.2f | ± %.2f | %s |%n",
              r.benchmark(),
              r.params(),
              r.score(),
              r.error(),
              r.unit()));
    }
    List<Ratio> ratios = ratios();
    if (!ratios.isEmpty()) {
      b.append("\n| ratio | params | value | goal |\n|---|---|---:|---|\n");
      for (Ratio r : ratios) {
        b.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %.2f ± %.2f | %s |%n",
                r.name(),
                r.params(),
                r.value(),
                r.error(),
                r.goal()));
      }
    }
    return b.toString();
  }

  /** A grouped bar chart per parameter set: one bar per path, log scale, as SVG and PNG. */
  public void writeChart(Path svg) throws IOException {
    Map<String, Map<String, Double>> byPath = new LinkedHashMap<>();
    List<String> categories = rows.stream().map(r -> label(r)).distinct().toList();
    for (Row r : rows) {
      byPath.computeIfAbsent(r.method(), k -> new LinkedHashMap<>()).put(label(r), r.score());
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(Math.max(900, 90 * categories.size() * Math.max(1, byPath.size()) / 3))
            .height(600)
            .title("wasidl call paths (ns/op, log scale; lower is better)")
            .xAxisTitle("function")
            .yAxisTitle("ns/op")
            .build();
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisMin(0.05);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setOverlapped(false);
    chart.getStyler().setXAxisLabelRotation(20);
    for (var e : byPath.entrySet()) {
      // every series spans every category (null where a path was not measured) so bars line up
      List<Double> ys = new ArrayList<>();
      for (String c : categories) {
        ys.add(e.getValue().get(c));
      }
      chart.addSeries(e.getKey(), categories, ys);
    }
    org.knowm.xchart.BitmapEncoder.saveBitmap(
        chart,
        svg.toString().replaceAll("\\.svg$", ""),
        org.knowm.xchart.BitmapEncoder.BitmapFormat.PNG);
    VectorGraphicsEncoder.saveVectorGraphic(
        chart,
        svg.toString().replaceAll("\\.svg$", ""),
        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
  }

  private static String label(Row r) {
    String shortClass = r.clazz();
    return r.params().isEmpty()
        ? shortClass
        : shortClass + " " + r.params().replaceAll("^[a-z]+=", "");
  }
}
