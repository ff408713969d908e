package dev.pilotgate.bench;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.bench.easyrules.EasyRulesGate;
import dev.pilotgate.bench.fixtures.BenchPilots;
import dev.pilotgate.bench.fixtures.FrozenRules;
import dev.pilotgate.bench.floor.HandCodedGate;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.model.Pilot;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one decision, single-threaded, sampled (median and percentiles): pilot-gate's
 * {@code GateEvaluator.evaluate} on the bundled rules as they are now, against the hand-coded
 * floor and Easy Rules, on a small, a typical and a large pilot. The yardsticks decide as the
 * frozen rules they were written for ({@link FrozenRules}: their derived facts and policy come
 * from an evaluator over those, which decides nothing here). {@code analysis} is the derived
 * facts alone ({@code GateEvaluator.facts}), which every engine computes the same way;
 * {@code pilotGateIsolated} the bundled rules evaluated isolated ({@code isolatedEvaluation(true)}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Drools reaches its steady state after about 10 s of evaluations (JIT of the engine and of MVEL
// constraints): shorter warm-ups measure the compiler, not the engine.
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class EvaluateBenchmark {
  @Param({"small", "typical", "large"})
  public Sizes size;

  private GateEvaluator evaluator;
  private GateEvaluator isolated;
  private FrozenRules frozen;
  private HandCodedGate floor;
  private EasyRulesGate easyRules;
  private Pilot pilot;

  @Setup(Level.Trial)
  public void setUp() {
    evaluator = GateEvaluator.create();
    isolated = GateEvaluator.builder().isolatedEvaluation(true).build();
    frozen = FrozenRules.open(false);
    floor = new HandCodedGate(frozen.evaluator());
    easyRules = new EasyRulesGate(frozen.evaluator());
    pilot = size.pilot();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    evaluator.close();
    isolated.close();
    frozen.close();
  }

  @Benchmark
  public GateDecision pilotGate() {
    return evaluator.evaluate(pilot, BenchPilots.AS_OF);
  }

  /** The same rules on a worker thread the caller could abandon (the default for a rules directory): the hand-off's cost. */
  @Benchmark
  public GateDecision pilotGateIsolated() {
    return isolated.evaluate(pilot, BenchPilots.AS_OF);
  }

  @Benchmark
  public GateDecision handCoded() {
    return floor.evaluate(pilot, BenchPilots.AS_OF);
  }

  @Benchmark
  public GateDecision easyRules() {
    return easyRules.evaluate(pilot, BenchPilots.AS_OF);
  }

  @Benchmark
  public List<Object> analysis() {
    return evaluator.facts(pilot, BenchPilots.AS_OF);
  }
}
