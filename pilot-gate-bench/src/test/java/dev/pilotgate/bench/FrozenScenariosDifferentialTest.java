package dev.pilotgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.bench.drools.DroolsBuild;
import dev.pilotgate.bench.drools.RawDroolsGate;
import dev.pilotgate.bench.easyrules.EasyRulesGate;
import dev.pilotgate.bench.fixtures.FrozenRules;
import dev.pilotgate.bench.fixtures.RuleText;
import dev.pilotgate.bench.floor.HandCodedGate;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.scenario.Scenario;
import dev.pilotgate.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every scenario of the frozen rules ({@link FrozenRules}, the rules the yardsticks were written
 * for) decided by those rules and by each yardstick: the hand-coded floor, Easy Rules, and the same
 * DRL built as Drools' executable model. They must agree with the rules on the decision and on
 * every finding, so a yardstick measured in the benchmarks does the same work as the rules it was
 * written for. The rules are loaded as a rules directory, so their scenarios also pass on the
 * current engine before anything is compared. The bundled rules are not involved: editing them
 * changes nothing here.
 */
class FrozenScenariosDifferentialTest {
  @TempDir
  static Path rulesDirectory;

  private static GateEvaluator rules;
  private static HandCodedGate floor;
  private static EasyRulesGate easy;
  private static DroolsBuild exec;
  private static RawDroolsGate execGate;

  @BeforeAll
  static void load() {
    rules = FrozenRules.evaluatorIn(rulesDirectory);
    floor = new HandCodedGate(rules);
    easy = new EasyRulesGate(rules);
    exec = DroolsBuild.build(FrozenRules.drlFiles(), DroolsBuild.Kind.EXECUTABLE_MODEL);
    execGate = new RawDroolsGate(exec, rules, RawDroolsGate.SessionKind.NEW);
  }

  @AfterAll
  static void close() {
    if (exec != null) {
      exec.close();
    }
    if (rules != null) {
      rules.close();
    }
  }

  static List<Scenario> scenarios() {
    List<Scenario> scenarios = new ArrayList<>();
    for (RuleText f : FrozenRules.scenarioFiles()) {
      scenarios.addAll(ScenarioReader.create().read(f.text(), FrozenRules.FOLDER + "/" + f.path(), null));
    }
    return scenarios;
  }

  @TestFactory
  Stream<DynamicTest> handCoded_agreesWithTheRules() {
    return compare("hand-coded", s -> floor.evaluate(s.pilot(), s.asOf()));
  }

  @TestFactory
  Stream<DynamicTest> easyRules_agreesWithTheRules() {
    return compare("easy-rules", s -> easy.evaluate(s.pilot(), s.asOf()));
  }

  @TestFactory
  Stream<DynamicTest> executableModel_agreesWithTheRules() {
    return compare("exec-model", s -> execGate.evaluate(s.pilot(), s.asOf()));
  }

  private Stream<DynamicTest> compare(String name, Function<Scenario, GateDecision> other) {
    List<Scenario> scenarios = scenarios();
    assertThat(scenarios).hasSizeGreaterThan(100);
    return scenarios.stream().map(s -> DynamicTest.dynamicTest(name + ": " + s.source() + " " + s.name(), () -> {
      GateDecision decided = rules.evaluate(s.pilot(), s.asOf());
      assertThat(Differences.between(decided, other.apply(s))).as(s.name()).isEmpty();
    }));
  }
}
