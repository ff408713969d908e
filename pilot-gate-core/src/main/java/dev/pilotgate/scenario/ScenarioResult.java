package dev.pilotgate.scenario;

import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.ReadinessLevel;
import dev.pilotgate.model.GateOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * How one scenario went. Immutable and thread-safe.
 *
 * @param scenario   the scenario
 * @param decision   the decision the rules made, or {@code null} when evaluation failed
 * @param missing    expected finding codes that were not found
 * @param unexpected finding codes listed as absent that were found
 * @param firedRules the rules that fired, in order
 * @param error      why evaluation failed, or {@code null}
 */
public record ScenarioResult(Scenario scenario, GateDecision decision, List<String> missing, List<String> unexpected,
    List<String> firedRules, String error) {

  public ScenarioResult {
    missing = List.copyOf(missing);
    unexpected = List.copyOf(unexpected);
    firedRules = List.copyOf(firedRules);
  }

  /** Whether the decision says everything the scenario expects. */
  public boolean passed() {
    return error == null && missing.isEmpty() && unexpected.isEmpty() && outcomeMatches() && readinessMatches();
  }

  /** Whether the outcome is as expected (true when the scenario does not check it). */
  public boolean outcomeMatches() {
    GateOutcome expected = scenario.expect().outcome();
    return expected == null || decision != null && decision.outcome() == expected;
  }

  /** Whether the readiness level is as expected (true when the scenario does not check it). */
  public boolean readinessMatches() {
    ReadinessLevel expected = scenario.expect().readiness();
    return expected == null || decision != null && decision.readiness().level() == expected;
  }

  /** What went wrong, one item per line; empty when passed. */
  public List<String> problems() {
    List<String> lines = new ArrayList<>();
    if (error != null) {
      lines.add("evaluation failed: " + error);
      return lines;
    }
    if (!outcomeMatches()) {
      lines.add("expected outcome " + scenario.expect().outcome() + " but was " + decision.outcome());
    }
    if (!readinessMatches()) {
      lines.add("expected readiness " + scenario.expect().readiness() + " but was " + decision.readiness().level());
    }
    if (!missing.isEmpty()) {
      lines.add("missing findings: " + String.join(", ", missing));
    }
    if (!unexpected.isEmpty()) {
      lines.add("unexpected findings: " + String.join(", ", unexpected));
    }
    if (!lines.isEmpty()) {
      lines.add("found: " + decision.findings().stream().map(f -> f.code()).distinct().toList());
    }
    return lines;
  }
}
