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
  void markdownAndChart(@TempDir Path dir) throws Exception {
    Report r = Report.ofRows(ROWS, "short");
    String md = r.markdown();
    assertTrue(md.contains("| DowncallOverhead.bridgeRaw | fn=add | 8.80 | ± 0.60 | ns/op |"), md);
    assertTrue(md.contains("Measured on Linux"), md);
    Path svg = dir.resolve("chart.svg");
    r.writeChart(svg);
    String text = Files.readString(svg);
    assertTrue(text.startsWith("<?xml") && text.contains("<svg"), text.substring(0, 100));
    assertTrue(text.length() > 5_000 && text.contains("<path"), "a drawn chart");
  }
}
