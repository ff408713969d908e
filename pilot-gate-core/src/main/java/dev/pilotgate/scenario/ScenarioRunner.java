package dev.pilotgate.scenario;

import dev.pilotgate.decision.Explanation;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.ruleset.GateEvaluationException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Runs scenarios against rules given as a function from a pilot and a day to an explained
 * decision, e.g. {@code evaluator::explain}; so this package needs no evaluator. Stateless and
 * thread-safe.
 */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /** Runs one scenario; a rule failure ({@link GateEvaluationException}) is a failed result, not an exception. */
  public static ScenarioResult run(BiFunction<Pilot, LocalDate, Explanation> rules, Scenario scenario) {
    Explanation explanation;
    try {
      explanation = rules.apply(scenario.pilot(), scenario.asOf());
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

  /** Of {@code ruleNames}, those that fired in none of {@code results}, sorted. */
  public static List<String> unfiredRules(Collection<String> ruleNames, List<ScenarioResult> results) {
    Set<String> fired = results.stream().flatMap(r -> r.firedRules().stream()).collect(Collectors.toSet());
    return ruleNames.stream().filter(n -> !fired.contains(n)).sorted().toList();
  }

  /** Runs every scenario, in order. */
  public static List<ScenarioResult> runAll(BiFunction<Pilot, LocalDate, Explanation> rules, List<Scenario> scenarios) {
    return scenarios.stream().map(s -> run(rules, s)).toList();
  }
}
