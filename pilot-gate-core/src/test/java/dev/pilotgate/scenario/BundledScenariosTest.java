package dev.pilotgate.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.internal.engine.RuleFile;
import dev.pilotgate.internal.engine.RuleSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario shipped with the bundled rules (pilot-gate-rules'
 * {@code dev/pilotgate/rules/scenarios/}) through the real engine: one test per scenario.
 */
class BundledScenariosTest {
  private static final GateEvaluator EVALUATOR = GateEvaluator.create();

  static List<Scenario> bundledScenarios() {
    RuleSource source = RuleSource.bundled(BundledScenariosTest.class.getClassLoader());
    List<Scenario> scenarios = new ArrayList<>();
    for (RuleFile f : source.scenarioFiles()) {
      scenarios.addAll(ScenarioReader.create().read(f.text(), f.display(), null));
    }
    return scenarios;
  }

  @TestFactory
  Stream<DynamicTest> bundledScenarios_allPass() {
    List<Scenario> scenarios = bundledScenarios();
    assertThat(scenarios).isNotEmpty();
    return scenarios.stream().map(s -> DynamicTest.dynamicTest(s.source() + " " + s.name(), () -> {
      ScenarioResult result = ScenarioRunner.run(EVALUATOR::explain, s);
      assertThat(result.passed()).as(String.join("\n", result.problems())).isTrue();
    }));
  }
}
