package dev.pilotgate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {
  @TempDir
  Path dir;

  /** A JMH 1.37 sample-mode result: percentiles as JMH writes them, one fork, one iteration's histogram. */
  private static String sampled(String benchmark, double median, double p90, String histogram) {
    return """
        {"benchmark": "dev.pilotgate.bench.%s", "mode": "sample", "threads": 1, "forks": 1,
         "params": {"size": "typical"},
         "primaryMetric": {"score": %s, "scoreError": 0.5, "scoreUnit": "us/op",
           "scorePercentiles": {"0.0": 1.0, "50.0": %s, "90.0": %s, "100.0": 900.0},
           "rawDataHistogram": [[%s]]},
         "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 20480.0}}}
        """.formatted(benchmark, median, median, p90, histogram);
  }

  private static String throughput(String benchmark, int threads, double median) {
    return """
        {"benchmark": "dev.pilotgate.bench.%s", "mode": "thrpt", "threads": %d, "forks": 1,
         "primaryMetric": {"score": %s, "scoreError": 10.0, "scoreUnit": "ops/s",
           "scorePercentiles": {"0.0": %s, "50.0": %s, "90.0": %s, "100.0": %s}}}
        """.formatted(benchmark, threads, median, median - 100, median, median + 50, median + 100);
  }

  @Test
  void summary_evaluateRows_giveMedianOverTheFloorsMedianAndP10ToP90() throws IOException {
    Path file = Files.writeString(dir.resolve("evaluate.json"), "["
        + sampled("EvaluateBenchmark.handCoded", 20.0, 30.0, "[[18.0, 10], [20.0, 70], [30.0, 20]]") + ","
        + sampled("EvaluateBenchmark.pilotGate", 50.0, 70.0, "[[45.0, 5], [48.0, 10], [50.0, 70], [70.0, 15]]")
        + "]");

    String table = Summary.table(List.of(file));

    assertThat(table.lines()).containsExactly(
        "| benchmark | median | spread | mean ± 99.9% error | alloc/op (KiB) | × floor |",
        "|---|---:|---:|---:|---:|---:|",
        "| EvaluateBenchmark.handCoded size=typical | 20.0 us/op | 18.0–30.0 (p10–p90) | 20.0 ± 0.50 | 20.0 | 1 (floor) |",
        "| EvaluateBenchmark.pilotGate size=typical | 50.0 us/op | 48.0–70.0 (p10–p90) | 50.0 ± 0.50 | 20.0 | 2.50 |");
  }

  @Test
  void summary_throughputRows_compareWithTheFloorOnAsManyThreads() throws IOException {
    Path file = Files.writeString(dir.resolve("throughput.json"), "["
        + throughput("ThroughputBenchmark.handCoded_2threads", 2, 80_000) + ","
        + throughput("ThroughputBenchmark.pilotGate_2threads", 2, 20_000) + "]");

    String table = Summary.table(List.of(file));

    // ratio = floor's rate over this rate: 80,000 / 20,000, "takes 4 times as long as the floor"
    assertThat(table).contains("| ThroughputBenchmark.pilotGate_2threads | 20,000 ops/s | 19,900–20,100 (min–max) | 20,000 ± 10.0 | — | 4.00 |");
  }

  @Test
  void summary_resultWithoutPercentiles_isRefusedNamingFileAndBenchmark() throws IOException {
    Path file = Files.writeString(dir.resolve("odd.json"), """
        [{"benchmark": "dev.pilotgate.bench.EvaluateBenchmark.pilotGate", "mode": "avgt", "threads": 1,
          "primaryMetric": {"score": 1.0, "scoreError": 0.1, "scoreUnit": "us/op"}}]
        """);

    assertThatThrownBy(() -> Summary.table(List.of(file)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": dev.pilotgate.bench.EvaluateBenchmark.pilotGate: not a JMH 1.37 result (no \"scorePercentiles\")");
  }
}
