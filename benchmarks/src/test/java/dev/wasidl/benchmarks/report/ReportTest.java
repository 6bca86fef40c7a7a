package dev.wasidl.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  private static final List<Report.Row> ROWS =
      List.of(
          new Report.Row("DowncallOverhead.staticInvokeExact", "fn=add", 8.0, 0.4, "ns/op"),
          new Report.Row("DowncallOverhead.bridgeRaw", "fn=add", 8.8, 0.6, "ns/op"),
          new Report.Row("DowncallOverhead.jnaFunctionInvoke", "fn=add", 220.0, 10.0, "ns/op"),
          new Report.Row("DowncallOverhead.jnrFfi", "fn=add", 11.0, 1.0, "ns/op"),
          new Report.Row("DowncallOverhead.staticInvokeExact", "fn=mix", 8.5, 0.4, "ns/op"));

  @Test
  void ratiosWithPropagatedErrors() {
    List<Report.Ratio> ratios = Report.ofRows(ROWS, "short").ratios();
    assertEquals(3, ratios.size());
    Report.Ratio first = ratios.getFirst();
    assertEquals("bridge-ffm raw / static invokeExact", first.name());
    assertEquals(1.1, first.value(), 1e-9);
    // sqrt((0.6/8.8)^2 + (0.4/8)^2) * 1.1
    assertEquals(1.1 * Math.sqrt(Math.pow(0.6 / 8.8, 2) + Math.pow(0.05, 2)), first.error(), 1e-9);
    assertEquals(25.0, ratios.get(1).value(), 1e-9);
  }

  @Test
  void readsJmhJsonAndMergedEntries(@TempDir Path dir) throws Exception {
    Path jmh = dir.resolve("jmh.json");
    Files.writeString(
        jmh,
        """
        [ { "benchmark" : "dev.wasidl.benchmarks.DowncallOverhead.bridgeRaw", "mode" : "avgt",
            "params" : { "fn" : "add" },
            "primaryMetric" : { "score" : 8.0, "scoreError" : 0.5, "scoreUnit" : "ns/op",
                                "rawData" : [ [ 7.9, 8.1 ] ] } },
          { "benchmark" : "dev.wasidl.benchmarks.FirstCall.staticFfm", "mode" : "ss",
            "params" : { "jvm" : "cold" },
            "primaryMetric" : { "score" : 1.5, "scoreError" : "NaN", "scoreUnit" : "us/op" } } ]
        """);
    Path ffi = dir.resolve("libffi.json");
    Files.writeString(
        ffi,
        """
        [{"benchmark":"dev.wasidl.benchmarks.Libffi.ffiCall","mode":"avgt","params":{"fn":"add"},
          "primaryMetric":{"score":12.0,"scoreError":0.25,"scoreUnit":"ns/op"}}]
        """);
    List<Report.Row> rows = Report.readJson(List.of(jmh, ffi));
    assertEquals(
        new Report.Row("DowncallOverhead.bridgeRaw", "fn=add", 8.0, 0.5, "ns/op"), rows.get(0));
    assertEquals(1500.0, rows.get(1).nanos(), 1e-9);
    assertTrue(Double.isNaN(rows.get(1).error()));
    Report.Ratio libffi = Report.ofRows(rows, "short").ratios().getFirst();
    assertEquals("libffi ffi_call / bridge-ffm raw", libffi.name());
    assertEquals(1.5, libffi.value(), 1e-9);
  }

  @Test
  void throughputOfRowsWithABytesParam() {
    Report.Row r = new Report.Row("CanonicalAbi.liftString", "bytes=1024", 1024.0, 1, "ns/op");
    assertEquals(1000.0, r.megabytesPerSecond(), 1e-9); // 1024 B per 1024 ns = 1 GB/s
    assertTrue(
        Report.ofRows(List.of(r), "short").markdown().contains("| ns/op | 1000.0 |"),
        "MB/s column");
  }

  @Test
  void markdownAndChart(@TempDir Path dir) throws Exception {
    Report r = Report.ofRows(ROWS, "short");
    String md = r.markdown();
    assertTrue(
        md.contains("| DowncallOverhead.bridgeRaw | fn=add | 8.80 | ± 0.60 | ns/op |  |"), md);
    assertTrue(md.contains("Measured on Linux"), md);
    Path svg = dir.resolve("chart.svg");
    r.writeChart(svg);
    String text = Files.readString(svg);
    assertTrue(text.startsWith("<?xml") && text.contains("<svg"), text.substring(0, 100));
    assertTrue(text.length() > 5_000 && text.contains("<path"), "a drawn chart");
  }
}
