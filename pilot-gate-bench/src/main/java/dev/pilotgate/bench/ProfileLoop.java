package dev.pilotgate.bench;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.bench.easyrules.EasyRulesGate;
import dev.pilotgate.bench.fixtures.BenchPilots;
import dev.pilotgate.bench.fixtures.FrozenRules;
import dev.pilotgate.bench.floor.HandCodedGate;
import dev.pilotgate.model.Pilot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * A plain loop to profile one engine on one pilot size with JFR or a sampling profiler (JMH's
 * own profilers add their harness to every sample):
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=eval.jfr,settings=profile \
 *      -cp pilot-gate-bench/target/benchmarks.jar dev.pilotgate.bench.ProfileLoop pilotGate typical 30
 * jfr print --events jdk.ExecutionSample eval.jfr
 * </pre>
 *
 * The first third of the time warms up; the rest is measured, in wall time and in CPU time of the
 * loop's thread (less disturbed by other processes on a shared machine). Engines: {@code pilotGate}, {@code handCoded}, {@code easyRules}, {@code portfolio} (the
 * batch API over 10,000 pilots); sizes: {@code small}, {@code typical}, {@code large}.
 */
public final class ProfileLoop {
  private ProfileLoop() {}

  private static long run(String engine, GateEvaluator evaluator, HandCodedGate floor, EasyRulesGate easy, Pilot pilot,
      List<Pilot> portfolio) {
    return switch (engine) {
      case "pilotGate" -> evaluator.evaluate(pilot, BenchPilots.AS_OF).findings().size();
      case "handCoded" -> floor.evaluate(pilot, BenchPilots.AS_OF).findings().size();
      case "easyRules" -> easy.evaluate(pilot, BenchPilots.AS_OF).findings().size();
      case "portfolio" -> evaluator.evaluateAll(portfolio, BenchPilots.AS_OF).size();
      default -> throw new IllegalArgumentException("unknown engine " + engine);
    };
  }

  public static void main(String[] args) {
    String engine = args.length > 0 ? args[0] : "pilotGate";
    Sizes size = Sizes.valueOf(args.length > 1 ? args[1] : "typical");
    long seconds = args.length > 2 ? Long.parseLong(args[2]) : 30;
    try (GateEvaluator evaluator = GateEvaluator.create(); FrozenRules frozen = FrozenRules.open(false)) {
      HandCodedGate floor = new HandCodedGate(frozen.evaluator());
      EasyRulesGate easy = new EasyRulesGate(frozen.evaluator());
      Pilot pilot = size.pilot();
      List<Pilot> portfolio = engine.equals("portfolio") ? BenchPilots.portfolio(10_000, 42) : List.of();
      // warm up for a third of the time (JIT), then measure
      long warm = System.nanoTime() + seconds * 1_000_000_000L / 3;
      long sink = 0;
      while (System.nanoTime() < warm) {
        sink += run(engine, evaluator, floor, easy, pilot, portfolio);
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpu0 = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      long end = start + (seconds - seconds / 3) * 1_000_000_000L;
      long n = 0;
      while (System.nanoTime() < end) {
        sink += run(engine, evaluator, floor, easy, pilot, portfolio);
        n++;
      }
      // CPU time of this thread: on a shared machine, less disturbed by other processes than wall time
      double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / n;
      double wallMicros = (System.nanoTime() - start) / 1e3 / n;
      System.out.printf("%s %s: %d runs, %.1f us wall, %.1f us CPU of this thread each (%d)%n", engine, size, n,
          wallMicros, cpuMicros, sink);
    }
  }
}
