package dev.pilotgate.bench.floor;

import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.Readiness;
import dev.pilotgate.decision.ReadinessLevel;
import dev.pilotgate.decision.RootCause;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.model.GateOutcome;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What turns a yardstick's findings into a {@link GateDecision}, as the core's Evaluation does. Stateless. */
public final class Decisions {
  /** The core's order: most severe first; then outcome called for, area, code, message and evidence. */
  public static final Comparator<Finding> ORDER = Comparator
      .comparing(Finding::severity)
      .thenComparing(f -> f.outcome() == null ? -1 : f.outcome().precedence(), Comparator.reverseOrder())
      .thenComparing(Finding::rootCause)
      .thenComparing(Finding::code)
      .thenComparing(Finding::message)
      .thenComparing(f -> f.evidence().toString());

  private Decisions() {}

  /** Whether any finding calls for HOLD, DIAGNOSE or KILL (what the gate rules' {@code not Finding(...)} tests). */
  public static boolean blocked(List<Finding> findings) {
    for (Finding f : findings) {
      if (f.outcome() != null && f.outcome() != GateOutcome.GO) {
        return true;
      }
    }
    return false;
  }

  /** readiness.drl: the distinct criteria, owner and data codes that are not INFO are the gaps. */
  public static Readiness readiness(List<Finding> findings, Thresholds p) {
    Set<String> gaps = new HashSet<>();
    for (Finding f : findings) {
      RootCause rc = f.rootCause();
      if ((rc == RootCause.SUCCESS_CRITERIA || rc == RootCause.OPERATOR_OWNER || rc == RootCause.DATA_READINESS)
          && f.severity() != Severity.INFO) {
        gaps.add(f.code());
      }
    }
    if (gaps.isEmpty()) {
      return new Readiness(ReadinessLevel.HIGH, p.readinessHighMinWeeks, p.readinessHighMaxWeeks, List.copyOf(gaps));
    }
    if (gaps.size() <= p.readinessMediumMaxGaps) {
      return new Readiness(ReadinessLevel.MEDIUM, p.readinessMediumMinWeeks, p.readinessMediumMaxWeeks,
          List.copyOf(gaps));
    }
    return new Readiness(ReadinessLevel.LOW, p.readinessLowMinWeeks, p.readinessLowMaxWeeks, List.copyOf(gaps));
  }

  /** The outcome by precedence, the findings in order, the next stage for a GO. */
  public static GateDecision decide(DerivedFacts d, List<Finding> findings, Readiness readiness, String version) {
    GateOutcome outcome = null;
    for (Finding f : findings) {
      if (f.outcome() != null) {
        outcome = f.outcome().max(outcome);
      }
    }
    if (outcome == null) {
      throw new IllegalStateException("no outcome for " + d.pilot.id() + " at " + d.pilot.stage());
    }
    findings.sort(ORDER);
    return new GateDecision(d.pilot.id(), d.pilot.name(), d.pilot.stage(), outcome,
        outcome == GateOutcome.GO ? d.pilot.stage().next().orElse(null) : null,
        // as the engine does after the rules: there is no way forward from a KILL
        findings, outcome == GateOutcome.KILL ? readiness.withoutWeeks() : readiness, d.trends, d.adoption,
        d.gate.asOf(), version);
  }
}
