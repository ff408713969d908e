package dev.pilotgate.bench;

import dev.pilotgate.bench.drools.DroolsBuild;
import dev.pilotgate.bench.drools.RawDroolsGate;
import dev.pilotgate.bench.fixtures.BenchPilots;
import dev.pilotgate.bench.fixtures.FrozenRules;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same DRL on Drools' two runtime builds (classic MVEL, executable model) and three session
 * kinds, evaluated through one harness ({@link RawDroolsGate}) on the typical pilot: which build
 * and which session make the cheapest single evaluation. A measure of the engine, so the DRL is the
 * frozen rules' ({@link FrozenRules}: their actions insert findings themselves, which the harness
 * needs), the work the hand-coded floor does in {@code EvaluateBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Drools reaches its steady state after about 10 s of evaluations (JIT of the engine and of MVEL
// constraints): shorter warm-ups measure the compiler, not the engine.
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DroolsBuildKindBenchmark {
  @Param({"MVEL", "EXECUTABLE_MODEL"})
  public DroolsBuild.Kind kind;

  @Param({"NEW", "POOLED", "STATELESS"})
  public RawDroolsGate.SessionKind session;

  private FrozenRules frozen;
  private DroolsBuild build;
  private RawDroolsGate gate;
  private Pilot pilot;

  @Setup(Level.Trial)
  public void setUp() {
    frozen = FrozenRules.open(false);
    build = DroolsBuild.build(FrozenRules.drlFiles(), kind);
    gate = new RawDroolsGate(build, frozen.evaluator(), session);
    pilot = BenchPilots.typical();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    gate.close();
    build.close();
    frozen.close();
  }

  @Benchmark
  public GateDecision evaluate() {
    return gate.evaluate(pilot, BenchPilots.AS_OF);
  }
}
