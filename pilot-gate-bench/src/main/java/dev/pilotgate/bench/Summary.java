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
 * the ratio to the hand-coded floor's median among the files given (the same JMH run, except for
 * the Drools build kinds, compared with {@code EvaluateBenchmark}'s floor): for times this one's
 * median over the floor's, for throughput the floor's rate over this one's, so a ratio of 2
 * always means "takes twice as long as the floor". Sizes are in KiB (1,024 bytes). A result
 * without the fields JMH 1.37 writes is refused, naming the file and the benchmark.
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
        try {
          rows.add(row(b));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(file + ": " + b.path("benchmark").asText("a result without a name")
              + ": not a JMH 1.37 result (" + e.getMessage() + ")", e);
        }
      }
    }
    Map<String, Row> byKey = new LinkedHashMap<>();
    rows.forEach(r -> byKey.put(r.key(), r));
    StringBuilder out = new StringBuilder();
    out.append("| benchmark | median | spread | mean ± 99.9% error | alloc/op (KiB) | × floor |\n");
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
    JsonNode m = required(b, "primaryMetric");
    JsonNode pct = required(m, "scorePercentiles");
    String mode = required(b, "mode").asText();
    boolean sampled = mode.equals("sample");
    // both ends of a sampled spread from the histogram, by one rule (nearest rank)
    double low = sampled ? percentile(m, 10) : required(pct, "0.0").asDouble();
    double high = sampled ? percentile(m, 90) : required(pct, "100.0").asDouble();
    Double alloc = null;
    JsonNode sec = b.get("secondaryMetrics");
    if (sec != null && sec.has("gc.alloc.rate.norm")) {
      alloc = sec.get("gc.alloc.rate.norm").get("score").asDouble();
    }
    return new Row(name, params.toString(), mode, required(m, "scoreUnit").asText(), required(pct, "50.0").asDouble(),
        low, high, sampled ? "p10–p90" : "min–max", required(m, "score").asDouble(), required(m, "scoreError").asDouble(),
        alloc, required(b, "threads").asInt());
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("no \"" + field + "\"");
    }
    return value;
  }

  /** A percentile JMH does not list, from the sample histogram. */
  private static double percentile(JsonNode metric, double p) {
    List<double[]> values = new ArrayList<>();
    long total = 0;
    for (JsonNode fork : required(metric, "rawDataHistogram")) {
      for (JsonNode iteration : fork) {
        for (JsonNode bin : iteration) {
          values.add(new double[] {bin.get(0).asDouble(), bin.get(1).asDouble()});
          total += bin.get(1).asLong();
        }
      }
    }
    if (total == 0) {
      return Double.NaN;
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
    return String.format(Locale.ROOT, "%.1f", bytes / 1024);
  }
}
