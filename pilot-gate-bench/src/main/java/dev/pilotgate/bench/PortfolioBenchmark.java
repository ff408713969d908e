package dev.pilotgate.bench;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.bench.fixtures.BenchPilots;
import dev.pilotgate.bench.fixtures.FrozenRules;
import dev.pilotgate.bench.floor.HandCodedGate;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.model.Pilot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A portfolio of 10,000 pilots of every stage ({@link BenchPilots#portfolio}) decided in one
 * call: {@code GateEvaluator.evaluateAll} on all cores, against the same pilots one
 * {@code evaluate} at a time on one thread, and the hand-coded floor on all cores (a parallel
 * stream) and on one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// The mix of stages and shapes takes the JIT and G1's young-generation sizing some 100,000
// evaluations to settle: fewer warm-up batches measure that, not the batch.
@Warmup(iterations = 15)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
public class PortfolioBenchmark {
  private GateEvaluator evaluator;
  private FrozenRules frozen;
  private HandCodedGate floor;
  private List<Pilot> portfolio;

  @Setup(Level.Trial)
  public void setUp() {
    evaluator = GateEvaluator.create();
    frozen = FrozenRules.open(false);
    floor = new HandCodedGate(frozen.evaluator());
    portfolio = BenchPilots.portfolio(10_000, 42);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    evaluator.close();
    frozen.close();
  }

  @Benchmark
  public List<GateDecision> pilotGate_evaluateAll() {
    return evaluator.evaluateAll(portfolio, BenchPilots.AS_OF);
  }

  @Benchmark
  public List<GateDecision> pilotGate_oneByOne() {
    List<GateDecision> out = new ArrayList<>(portfolio.size());
    for (Pilot p : portfolio) {
      out.add(evaluator.evaluate(p, BenchPilots.AS_OF));
    }
    return out;
  }

  @Benchmark
  public List<GateDecision> handCoded_parallel() {
    return portfolio.parallelStream().map(p -> floor.evaluate(p, BenchPilots.AS_OF)).toList();
  }

  @Benchmark
  public List<GateDecision> handCoded_oneByOne() {
    List<GateDecision> out = new ArrayList<>(portfolio.size());
    for (Pilot p : portfolio) {
      out.add(floor.evaluate(p, BenchPilots.AS_OF));
    }
    return out;
  }
}
