package dev.pilotgate.bench;

import dev.pilotgate.bench.floor.Decisions;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** How two decisions for the same pilot and day differ; empty when they agree. */
final class Differences {
  private Differences() {}

  /**
   * The decision (outcome, next stage, set of finding codes, readiness level) and, beyond it,
   * every finding in full (severity, outcome called for, message, evidence, rule) and the
   * readiness gaps.
   */
  static List<String> between(GateDecision rules, GateDecision other) {
    List<String> diffs = new ArrayList<>();
    if (rules.outcome() != other.outcome()) {
      diffs.add("outcome: rules " + rules.outcome() + ", other " + other.outcome());
    }
    if (rules.nextStage() != other.nextStage()) {
      diffs.add("nextStage: rules " + rules.nextStage() + ", other " + other.nextStage());
    }
    Set<String> a = codes(rules);
    Set<String> b = codes(other);
    if (!a.equals(b)) {
      diffs.add("codes: rules " + a + ", other " + b);
    }
    if (rules.readiness().level() != other.readiness().level()) {
      diffs.add("readiness: rules " + rules.readiness().level() + ", other " + other.readiness().level());
    }
    if (!rules.readiness().equals(other.readiness())) {
      diffs.add("readiness detail: rules " + rules.readiness() + ", other " + other.readiness());
    }
    if (diffs.isEmpty() && !rules.findings().equals(other.findings())) {
      List<Finding> onlyRules = new ArrayList<>(rules.findings());
      onlyRules.removeAll(other.findings());
      List<Finding> onlyOther = new ArrayList<>(other.findings());
      onlyOther.removeAll(rules.findings());
      if (onlyRules.isEmpty() && onlyOther.isEmpty()) {
        // the same findings in another order: only findings that tie in the core's order may differ
        List<Finding> x = rules.findings();
        List<Finding> y = other.findings();
        for (int i = 0; i < x.size(); i++) {
          if (!x.get(i).equals(y.get(i)) && Decisions.ORDER.compare(x.get(i), y.get(i)) != 0) {
            diffs.add("findings in another order at " + i + ": rules " + x.get(i) + ", other " + y.get(i));
            break;
          }
        }
      } else {
        diffs.add("findings differ in detail:\n  rules only: " + onlyRules + "\n  other only: " + onlyOther);
      }
    }
    return diffs;
  }

  private static Set<String> codes(GateDecision d) {
    return d.findings().stream().map(Finding::code).collect(Collectors.toCollection(TreeSet::new));
  }
}
