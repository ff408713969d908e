package dev.pilotgate.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.io.DecisionJson;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Stage;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled scenario suite covers the bundled rules: every rule fires somewhere, every
 * finding code is expected somewhere and asserted absent somewhere (a near-miss), every
 * outcome and every stage appear. And decisions are deterministic.
 */
class ScenarioCoverageTest {
  private static final GateEvaluator EVALUATOR = GateEvaluator.create();
  private static List<Scenario> scenarios;
  private static List<ScenarioResult> results;

  @BeforeAll
  static void runSuite() {
    scenarios = BundledScenariosTest.bundledScenarios();
    results = ScenarioRunner.runAll(EVALUATOR::explain, scenarios);
  }

  /** Codes are the rule names before any ": variant". */
  private static Set<String> codes() {
    return EVALUATOR.ruleNames().stream()
        .filter(n -> !n.startsWith("READINESS_"))
        .map(n -> n.split(":", 2)[0])
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void coverage_everyRuleFiresInSomeScenario() {
    assertThat(ScenarioRunner.unfiredRules(EVALUATOR.ruleNames(), results)).as("rules no scenario fired").isEmpty();
  }

  @Test
  void coverage_everyCodeIsExpectedSomewhere() {
    Set<String> expected = scenarios.stream().flatMap(s -> s.expect().findings().stream()).collect(Collectors.toSet());
    assertThat(codes()).as("codes").allSatisfy(code -> assertThat(expected).as("scenarios expecting %s", code).contains(code));
  }

  @Test
  void coverage_everyCodeHasANearMiss() {
    Set<String> absent = scenarios.stream().flatMap(s -> s.expect().absent().stream()).collect(Collectors.toSet());
    assertThat(codes()).allSatisfy(code -> assertThat(absent).as("scenarios asserting %s absent", code).contains(code));
  }

  @Test
  void coverage_everyOutcomeAndStageAppears() {
    Set<GateOutcome> outcomes = EnumSet.noneOf(GateOutcome.class);
    Set<Stage> stages = EnumSet.noneOf(Stage.class);
    for (ScenarioResult r : results) {
      if (r.decision() != null) {
        outcomes.add(r.decision().outcome());
        stages.add(r.decision().stage());
      }
    }
    assertThat(outcomes).containsExactlyInAnyOrder(GateOutcome.values());
    assertThat(stages).containsExactlyInAnyOrder(Stage.values());
  }

  @Test
  void determinism_samePilotDayAndRules_giveByteIdenticalJson() {
    GateEvaluator other = GateEvaluator.create();
    for (Scenario s : scenarios) {
      String first = DecisionJson.toJson(EVALUATOR.evaluate(s.pilot(), s.asOf()));
      String again = CompletableFuture.supplyAsync(() -> DecisionJson.toJson(other.evaluate(s.pilot(), s.asOf()))).join();
      assertThat(again).as(s.source()).isEqualTo(first);
    }
  }

  @Test
  void explain_firedRules_includeEveryFindingsRule() {
    for (Scenario s : scenarios) {
      var explanation = EVALUATOR.explain(s.pilot(), s.asOf());
      GateDecision d = explanation.decision();
      assertThat(explanation.firedRules()).as(s.source())
          .containsAll(d.findings().stream().map(f -> f.rule()).toList());
    }
  }
}
