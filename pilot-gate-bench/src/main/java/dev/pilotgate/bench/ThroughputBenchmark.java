package dev.pilotgate.bench;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.bench.easyrules.EasyRulesGate;
import dev.pilotgate.bench.fixtures.BenchPilots;
import dev.pilotgate.bench.fixtures.FrozenRules;
import dev.pilotgate.bench.floor.HandCodedGate;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.model.Pilot;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decisions per second on the typical pilot with one and with two threads sharing one
 * evaluator (the scaling goal: two threads at least 1.8 times one), for pilot-gate and its
 * yardsticks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Drools reaches its steady state after about 10 s of evaluations (JIT of the engine and of MVEL
// constraints): shorter warm-ups measure the compiler, not the engine.
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ThroughputBenchmark {
  private GateEvaluator evaluator;
  private FrozenRules frozen;
  private HandCodedGate floor;
  private EasyRulesGate easyRules;
  private Pilot pilot;

  @Setup(Level.Trial)
  public void setUp() {
    evaluator = GateEvaluator.create();
    frozen = FrozenRules.open(false);
    floor = new HandCodedGate(frozen.evaluator());
    easyRules = new EasyRulesGate(frozen.evaluator());
    pilot = BenchPilots.typical();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    evaluator.close();
    frozen.close();
  }

  @Benchmark
  @Threads(1)
  public GateDecision pilotGate_1thread() {
    return evaluator.evaluate(pilot, BenchPilots.AS_OF);
  }

  @Benchmark
  @Threads(2)
  public GateDecision pilotGate_2threads() {
    return evaluator.evaluate(pilot, BenchPilots.AS_OF);
  }

  @Benchmark
  @Threads(1)
  public GateDecision handCoded_1thread() {
    return floor.evaluate(pilot, BenchPilots.AS_OF);
  }

  @Benchmark
  @Threads(2)
  public GateDecision handCoded_2threads() {
    return floor.evaluate(pilot, BenchPilots.AS_OF);
  }

  @Benchmark
  @Threads(1)
  public GateDecision easyRules_1thread() {
    return easyRules.evaluate(pilot, BenchPilots.AS_OF);
  }

  @Benchmark
  @Threads(2)
  public GateDecision easyRules_2threads() {
    return easyRules.evaluate(pilot, BenchPilots.AS_OF);
  }
}
