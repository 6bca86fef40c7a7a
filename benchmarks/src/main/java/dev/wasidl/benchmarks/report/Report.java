package dev.wasidl.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.style.Styler;

/**
 * A benchmark run as a Markdown table, the ratios we track, and charts (ns/op per path, log scale,
 * peers beside ours). Reads JMH's JSON result format, so entries of the C harness in the same
 * format merge in. Every benchmark class appears without edits here; only the tracked ratios name
 * paths. Names the device and the JDK, as every report must.
 */
public final class Report {
  private static final String PREFIX = "dev.wasidl.benchmarks.";
  private static final Pattern BYTES = Pattern.compile("(?:^|,)bytes=(\\d+)(?:,|$)");

  /** One measured row; {@code score} and {@code error} in {@code unit}. */
  public record Row(String benchmark, String params, double score, double error, String unit) {
    String clazz() {
      return benchmark.substring(0, benchmark.lastIndexOf('.'));
    }

    String method() {
      return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** The score in ns/op (time units converted), or NaN for other units. */
    double nanos() {
      return score * nanosPer(unit);
    }

    double nanosError() {
      return error * nanosPer(unit);
    }

    /** Payload throughput in MB/s (10^6 bytes) for rows with a {@code bytes} param, else NaN. */
    double megabytesPerSecond() {
      Matcher m = BYTES.matcher(params);
      double ns = nanos();
      return m.find() && ns > 0 ? Long.parseLong(m.group(1)) / ns * 1e3 : Double.NaN;
    }

    /** The value of param {@code key}, or "". */
    String param(String key) {
      Matcher m = Pattern.compile("(?:^|,)" + Pattern.quote(key) + "=([^,]*)").matcher(params);
      return m.find() ? m.group(1) : "";
    }
  }

  private static double nanosPer(String unit) {
    return switch (unit) {
      case "ns/op" -> 1;
      case "us/op" -> 1e3;
      case "ms/op" -> 1e6;
      case "s/op" -> 1e9;
      default -> Double.NaN;
    };
  }

  /** A tracked ratio: numerator path over denominator path for one parameter set. */
  record Ratio(String name, String params, double value, double error, String goal) {}

  private final List<Row> rows;
  private final String profile;

  private Report(List<Row> rows, String profile) {
    this.rows = List.copyOf(rows);
    this.profile = profile;
  }

  /**
   * Renders JSON results again without running anything: {@code Report OUT-DIR PROFILE
   * FILE.json...} writes {@code latest.md} and the charts into OUT-DIR.
   */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    List<Path> files = java.util.Arrays.stream(args, 2, args.length).map(Path::of).toList();
    Report report = ofRows(readJson(files), args[1]);
    Files.writeString(out.resolve("latest.md"), report.markdown());
    report.writeChart(out.resolve("latest.svg"));
  }

  /** A report of rows already measured. */
  public static Report ofRows(List<Row> rows, String profile) {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(
        Comparator.comparing(Row::clazz)
            .thenComparing(Row::params)
            .thenComparingDouble(Row::nanos));
    return new Report(sorted, profile);
  }

  /** The rows of JMH JSON result files (arrays of results), in order. */
  public static List<Row> readJson(List<Path> files) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (Path f : files) {
      for (Object o : (List<?>) Json.parse(Files.readString(f))) {
        Map<?, ?> r = (Map<?, ?>) o;
        Map<?, ?> metric = (Map<?, ?>) r.get("primaryMetric");
        List<String> params = new ArrayList<>();
        if (r.get("params") instanceof Map<?, ?> p) {
          p.forEach((k, v) -> params.add(k + "=" + v));
        }
        rows.add(
            new Row(
                ((String) r.get("benchmark")).replace(PREFIX, ""),
                String.join(",", params),
                number(metric.get("score")),
                number(metric.get("scoreError")),
                (String) metric.get("scoreUnit")));
      }
    }
    return rows;
  }

  /** JMH writes NaN as the string "NaN". */
  private static double number(Object o) {
    return o instanceof Double d ? d : Double.NaN;
  }

  private Optional<Row> find(String benchmark, String params) {
    return rows.stream()
        .filter(r -> r.benchmark().equals(benchmark) && r.params().equals(params))
        .findFirst();
  }

  List<Ratio> ratios() {
    List<Ratio> out = new ArrayList<>();
    List<String> paramSets = rows.stream().map(Row::params).distinct().sorted().toList();
    String d = "DowncallOverhead.";
    for (String p : paramSets) {
      ratio(
          out,
          "bridge-ffm raw / static invokeExact",
          d + "bridgeRaw",
          d + "staticInvokeExact",
          p,
          "<= 1.3");
      ratio(
          out,
          "bridge-ffm typed / static invokeExact",
          d + "bridgeTyped",
          d + "staticInvokeExact",
          p,
          "<= 1.5");
      ratio(
          out,
          "bridge-ffm typed, Optional<IncomingValue> / static invokeExact",
          d + "bridgeTypedValue",
          d + "staticInvokeExact",
          p,
          "-");
      ratio(
          out,
          "JNA Function.invoke / bridge-ffm raw",
          d + "jnaFunctionInvoke",
          d + "bridgeRaw",
          p,
          ">= 10");
      if (find(d + "bridgeRaw", p).isEmpty()) {
        ratio(
            out,
            "JNA Function.invoke / bridge-ffm typed",
            d + "jnaFunctionInvoke",
            d + "bridgeTyped",
            p,
            ">= 10");
      }
      ratio(out, "jnr-ffi / bridge-ffm raw", d + "jnrFfi", d + "bridgeRaw", p, "> 1");
      ratio(out, "libffi ffi_call / bridge-ffm raw", "Libffi.ffiCall", d + "bridgeRaw", p, "> 1");
      if (find(d + "bridgeRaw", p).isEmpty()) {
        ratio(
            out,
            "libffi ffi_call / bridge-ffm typed",
            "Libffi.ffiCall",
            d + "bridgeTyped",
            p,
            "> 1");
      }
      ratio(
          out,
          "first call: bridge-ffm / static FFM",
          "FirstCall.bridgeFfm",
          "FirstCall.staticFfm",
          p,
          "-");
    }
    ratio(
        out,
        "component via wasi:dl / core host import",
        "DlComponentCall.viaWasiDl",
        "HostImportDispatch.typedNativeAdd",
        "",
        "<= 3");
    return out;
  }

  private void ratio(
      List<Ratio> out, String name, String top, String bottom, String params, String goal) {
    Optional<Row> a = find(top, params);
    Optional<Row> b = find(bottom, params);
    if (a.isPresent() && b.isPresent()) {
      double v = a.get().nanos() / b.get().nanos();
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
        .append(". Error: JMH's 99.9% confidence half-width.\n\n");
    b.append(
        "| benchmark | params | score | error | unit | MB/s |\n|---|---|---:|---:|---|---:|\n");
    for (Row r : rows) {
      double mbs = r.megabytesPerSecond();
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.2f | ± %.2f | %s | %s |%n",
              r.benchmark(),
              r.params(),
              r.score(),
              r.error(),
              r.unit(),
              Double.isNaN(mbs) ? "" : String.format(Locale.ROOT, "%.1f", mbs)));
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

  /**
   * Two charts, ns/op on a log scale, as SVG and PNG: {@code <name>.svg} has the native call paths
   * (rows with an {@code fn} param) grouped by function, one bar per path, so the peers stand
   * beside ours; {@code <name>-wasm.svg} has every other row, one bar each, coloured by class.
   */
  public void writeChart(Path svg) throws IOException {
    String base = svg.toString().replaceAll("\\.svg$", "");
    List<Row> timed = rows.stream().filter(r -> !Double.isNaN(r.nanos())).toList();
    List<Row> calls = timed.stream().filter(r -> !r.param("fn").isEmpty()).toList();
    List<Row> rest = timed.stream().filter(r -> r.param("fn").isEmpty()).toList();
    if (!calls.isEmpty()) {
      save(
          chart(
              "native call paths (ns/op, log scale; lower is better)",
              "function",
              calls,
              r -> r.param("fn"),
              r -> r.clazz().equals("DowncallOverhead") ? r.method() : r.benchmark(),
              false),
          base);
    }
    if (!rest.isEmpty()) {
      save(
          chart(
              "wasm paths, first calls and the rest (ns/op, log scale; lower is better)",
              "benchmark",
              rest,
              r -> r.method() + (r.params().isEmpty() ? "" : " " + r.params()),
              Row::clazz,
              true),
          calls.isEmpty() ? base : base + "-wasm");
    }
  }

  private static CategoryChart chart(
      String title,
      String xTitle,
      List<Row> rows,
      java.util.function.Function<Row, String> category,
      java.util.function.Function<Row, String> series,
      boolean overlapped) {
    List<String> categories = rows.stream().map(category).distinct().toList();
    Map<String, Map<String, Double>> bySeries = new LinkedHashMap<>();
    for (Row r : rows) {
      bySeries
          .computeIfAbsent(series.apply(r), k -> new LinkedHashMap<>())
          .put(category.apply(r), r.nanos());
    }
    int perCategory = overlapped ? 1 : Math.max(1, bySeries.size());
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(Math.max(900, 30 * categories.size() * perCategory + 300))
            .height(650)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle("ns/op")
            .build();
    double min = rows.stream().mapToDouble(Row::nanos).filter(v -> v > 0).min().orElse(1);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setOverlapped(overlapped);
    chart.getStyler().setXAxisLabelRotation(overlapped ? 60 : 20);
    for (var e : bySeries.entrySet()) {
      // every series spans every category (null where a path was not measured) so bars line up
      List<Double> ys = new ArrayList<>();
      for (String c : categories) {
        ys.add(e.getValue().get(c));
      }
      chart.addSeries(e.getKey(), categories, ys);
    }
    return chart;
  }

  private static void save(CategoryChart chart, String base) throws IOException {
    BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
    VectorGraphicsEncoder.saveVectorGraphic(
        chart, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
  }
}
