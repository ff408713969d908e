package dev.pilotgate.scenario;

import dev.pilotgate.GateEvaluationException;
import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.Explanation;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs scenarios against an evaluator's rules. Stateless and thread-safe. */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /** Runs one scenario; a rule failure is a failed result, not an exception. */
  public static ScenarioResult run(GateEvaluator evaluator, Scenario scenario) {
    Explanation explanation;
    try {
      explanation = evaluator.explain(scenario.pilot(), scenario.asOf());
    } catch (GateEvaluationException e) {
      return new ScenarioResult(scenario, null, List.of(), List.of(), List.of(), e.getMessage());
    }
    return compare(scenario, explanation);
  }

  /** Checks a decision (with the rules that fired for it) against what {@code scenario} expects. */
  public static ScenarioResult compare(Scenario scenario, Explanation explanation) {
    GateDecision decision = explanation.decision();
    Set<String> codes = decision.findings().stream().map(Finding::code).collect(Collectors.toSet());
    List<String> missing = scenario.expect().findings().stream().filter(c -> !codes.contains(c)).toList();
    List<String> unexpected = scenario.expect().absent().stream().filter(codes::contains).toList();
    return new ScenarioResult(scenario, decision, missing, unexpected, explanation.firedRules(), null);
  }

  /** The rules of {@code evaluator} that fired in none of {@code results}, sorted. */
  public static List<String> unfiredRules(GateEvaluator evaluator, List<ScenarioResult> results) {
    Set<String> fired = results.stream().flatMap(r -> r.firedRules().stream()).collect(Collectors.toSet());
    return evaluator.ruleNames().stream().filter(n -> !fired.contains(n)).toList();
  }

  /** Runs every scenario, in order. */
  public static List<ScenarioResult> runAll(GateEvaluator evaluator, List<Scenario> scenarios) {
    return scenarios.stream().map(s -> run(evaluator, s)).toList();
  }
}
