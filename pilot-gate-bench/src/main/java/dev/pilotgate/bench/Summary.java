package dev.pilotgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH JSON results ({@code -rf json}) into the Markdown table of docs/benchmarks.md: per
 * benchmark the median, the spread (p10–p90 of the samples, or min–max of the iterations), the
 * mean with its 99.9% error, allocation per operation when measured with {@code -prof gc}, and
 * the ratio to the hand-coded floor measured in the same run: for evaluations the floor's
 * median over this one's, for throughput this one's rate over the floor's, so a ratio of 2
 * always means "takes twice as long as the floor".
 *
 * <pre>java -cp pilot-gate-bench/target/benchmarks.jar dev.pilotgate.bench.Summary results/*.json</pre>
 */
public final class Summary {
  private Summary() {}

  record Row(String benchmark, String params, String mode, String unit, double median, double low, double high,
      String spreadKind, double mean, double error, Double allocPerOp, int threads) {
    String key() {
      return benchmark + (params.isEmpty() ? "" : " " + params);
    }
  }

  public static void main(String[] args) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String a : args) {
      files.add(Path.of(a));
    }
    System.out.print(table(files));
  }

  /** The Markdown table for the JMH JSON result files, rows in file and result order. */
  static String table(List<Path> files) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Row> rows = new ArrayList<>();
    for (Path file : files) {
      for (JsonNode b : json.readTree(file.toFile())) {
        rows.add(row(b));
      }
    }
    Map<String, Row> byKey = new LinkedHashMap<>();
    rows.forEach(r -> byKey.put(r.key(), r));
    StringBuilder out = new StringBuilder();
    out.append("| benchmark | median | spread | mean ± 99.9% error | alloc/op | × floor |\n");
    out.append("|---|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      Row floor = floorOf(r, byKey);
      String ratio = floor == null ? "—" : r == floor ? "1 (floor)" : String.format(Locale.ROOT, "%.2f", ratio(r, floor));
      out.append(String.format(Locale.ROOT, "| %s | %s %s | %s–%s (%s) | %s ± %s | %s | %s |%n", r.key(), num(r.median()),
          r.unit(), num(r.low()), num(r.high()), r.spreadKind(), num(r.mean()), num(r.error()),
          r.allocPerOp() == null ? "—" : kb(r.allocPerOp()), ratio));
    }
    return out.toString();
  }

  private static Row row(JsonNode b) {
    String name = b.get("benchmark").asText().replace("dev.pilotgate.bench.", "");
    StringBuilder params = new StringBuilder();
    JsonNode ps = b.get("params");
    if (ps != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = ps.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        params.append(params.length() == 0 ? "" : ",").append(e.getKey()).append('=').append(e.getValue().asText());
      }
    }
    JsonNode m = b.get("primaryMetric");
    JsonNode pct = m.get("scorePercentiles");
    String mode = b.get("mode").asText();
    boolean sampled = mode.equals("sample");
    double low = sampled ? percentile(m, 10) : pct.get("0.0").asDouble();
    double high = sampled ? pct.get("90.0").asDouble() : pct.get("100.0").asDouble();
    Double alloc = null;
    JsonNode sec = b.get("secondaryMetrics");
    if (sec != null && sec.has("gc.alloc.rate.norm")) {
      alloc = sec.get("gc.alloc.rate.norm").get("score").asDouble();
    }
    return new Row(name, params.toString(), mode, m.get("scoreUnit").asText(), pct.get("50.0").asDouble(), low, high,
        sampled ? "p10–p90" : "min–max", m.get("score").asDouble(), m.get("scoreError").asDouble(), alloc,
        b.get("threads").asInt());
  }

  /** A percentile JMH does not list, from the sample histogram. */
  private static double percentile(JsonNode metric, double p) {
    List<double[]> values = new ArrayList<>();
    long total = 0;
    for (JsonNode fork : metric.get("rawDataHistogram")) {
      for (JsonNode iteration : fork) {
        for (JsonNode bin : iteration) {
          values.add(new double[] {bin.get(0).asDouble(), bin.get(1).asDouble()});
          total += bin.get(1).asLong();
        }
      }
    }
    values.sort((x, y) -> Double.compare(x[0], y[0]));
    double target = total * p / 100;
    double seen = 0;
    for (double[] v : values) {
      seen += v[1];
      if (seen >= target) {
        return v[0];
      }
    }
    return Double.NaN;
  }

  /** The hand-coded floor measured in the same run that {@code r} compares with, or null. */
  private static Row floorOf(Row r, Map<String, Row> byKey) {
    String b = r.benchmark();
    if (b.startsWith("EvaluateBenchmark.")) {
      return byKey.get("EvaluateBenchmark.handCoded " + r.params());
    }
    if (b.startsWith("ThroughputBenchmark.")) {
      return byKey.get("ThroughputBenchmark.handCoded_" + b.substring(b.indexOf('_') + 1));
    }
    if (b.startsWith("PortfolioBenchmark.")) {
      return byKey.get(b.endsWith("oneByOne") ? "PortfolioBenchmark.handCoded_oneByOne"
          : "PortfolioBenchmark.handCoded_parallel");
    }
    if (b.startsWith("DroolsBuildKindBenchmark.")) {
      return byKey.get("EvaluateBenchmark.handCoded size=typical");
    }
    return null;
  }

  /** How many times the floor's cost: time over time, or the floor's rate over this rate. */
  private static double ratio(Row r, Row floor) {
    return r.mode().equals("thrpt") ? floor.median() / r.median() : r.median() / floor.median();
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    return a >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
        : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String kb(double bytes) {
    return String.format(Locale.ROOT, "%.1f KB", bytes / 1024);
  }
}
