package dev.pilotgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.bench.drools.DroolsBuild;
import dev.pilotgate.bench.drools.RawDroolsGate;
import dev.pilotgate.bench.easyrules.EasyRulesGate;
import dev.pilotgate.bench.floor.HandCodedGate;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.internal.engine.RuleFile;
import dev.pilotgate.internal.engine.RuleSource;
import dev.pilotgate.scenario.Scenario;
import dev.pilotgate.scenario.ScenarioReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bundled scenario decided by the rules and by each yardstick: the hand-coded floor,
 * Easy Rules, and the same DRL built as Drools' executable model. They must agree with the
 * rules on the decision and on every finding, so a yardstick measured in the benchmarks
 * does the same work, and a disagreement points at a rule (or yardstick) bug.
 */
class BundledScenariosDifferentialTest {
  private static final GateEvaluator RULES = GateEvaluator.create();
  private static final RuleSource SOURCE = RuleSource.bundled(BundledScenariosDifferentialTest.class.getClassLoader());
  private static final HandCodedGate FLOOR = new HandCodedGate(RULES.policy());
  private static final EasyRulesGate EASY = new EasyRulesGate(RULES.policy());
  private static final DroolsBuild EXEC = DroolsBuild.build(SOURCE, DroolsBuild.Kind.EXECUTABLE_MODEL);
  private static final RawDroolsGate EXEC_GATE = new RawDroolsGate(EXEC, RULES.policy(), RawDroolsGate.SessionKind.NEW);

  static List<Scenario> scenarios() {
    List<Scenario> scenarios = new ArrayList<>();
    for (RuleFile f : SOURCE.scenarioFiles()) {
      scenarios.addAll(ScenarioReader.create().read(f.text(), f.display(), null));
    }
    return scenarios;
  }

  @AfterAll
  static void close() {
    EXEC.close();
    RULES.close();
  }

  @TestFactory
  Stream<DynamicTest> handCoded_agreesWithTheRules() {
    return compare("hand-coded", s -> FLOOR.evaluate(s.pilot(), s.asOf()));
  }

  @TestFactory
  Stream<DynamicTest> easyRules_agreesWithTheRules() {
    return compare("easy-rules", s -> EASY.evaluate(s.pilot(), s.asOf()));
  }

  @TestFactory
  Stream<DynamicTest> executableModel_agreesWithTheRules() {
    return compare("exec-model", s -> EXEC_GATE.evaluate(s.pilot(), s.asOf()));
  }

  private Stream<DynamicTest> compare(String name, Function<Scenario, GateDecision> other) {
    List<Scenario> scenarios = scenarios();
    assertThat(scenarios).hasSizeGreaterThan(100);
    return scenarios.stream().map(s -> DynamicTest.dynamicTest(name + ": " + s.source() + " " + s.name(), () -> {
      GateDecision rules = RULES.evaluate(s.pilot(), s.asOf());
      assertThat(Differences.between(rules, other.apply(s))).as(s.name()).isEmpty();
    }));
  }
}
