package dev.pilotgate.bench;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.bench.drools.DroolsBuild;
import dev.pilotgate.bench.easyrules.EasyRulesGate;
import dev.pilotgate.bench.fixtures.BundledRules;
import dev.pilotgate.bench.fixtures.FrozenRules;
import dev.pilotgate.bench.fixtures.RuleText;
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
 * Building the rule set in a warm JVM (after the warm-up builds), one build per measured
 * iteration: {@code GateEvaluator.create()} (read the bundled files, hash, compile, policy),
 * the two Drools builds of the same DRL (the bundled {@code .drl} files, read once) through one
 * harness, and Easy Rules parsing its MVEL (the frozen rules' checks, {@link FrozenRules}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 10)
@Fork(1)
public class BuildBenchmark {
  private List<RuleText> drl;
  private FrozenRules frozen;

  @Setup(Level.Trial)
  public void setUp() {
    drl = BundledRules.drlFiles();
    frozen = FrozenRules.open(false);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    frozen.close();
  }

  @Benchmark
  public String pilotGate() {
    try (GateEvaluator evaluator = GateEvaluator.create()) {
      return evaluator.rulesVersion();
    }
  }

  @Benchmark
  public Object droolsClassic() {
    try (DroolsBuild build = DroolsBuild.build(drl, DroolsBuild.Kind.MVEL)) {
      return build.kieBase();
    }
  }

  @Benchmark
  public Object droolsExecutableModel() {
    try (DroolsBuild build = DroolsBuild.build(drl, DroolsBuild.Kind.EXECUTABLE_MODEL)) {
      return build.kieBase();
    }
  }

  @Benchmark
  public Object easyRules() {
    return new EasyRulesGate(frozen.evaluator());
  }
}
