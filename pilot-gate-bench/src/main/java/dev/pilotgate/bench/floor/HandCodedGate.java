package dev.pilotgate.bench.floor;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.AdoptionSnapshot;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.MetricTrend;
import dev.pilotgate.decision.TrendVerdict;
import dev.pilotgate.facts.DeviceReading;
import dev.pilotgate.facts.GateContext;
import dev.pilotgate.facts.SourceAudit;
import dev.pilotgate.model.DataSource;
import dev.pilotgate.model.Direction;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.MetricKind;
import dev.pilotgate.model.Owner;
import dev.pilotgate.model.OwnerKind;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Rollout;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.SuccessCriterion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;

/**
 * The floor: the frozen rules' decisions ({@code dev.pilotgate.bench.fixtures.FrozenRules}, the
 * bundled rules of commit 2a3c676) hand-coded in plain Java, written from {@code docs/rules.md}
 * and the {@code .drl} files, rule by rule in the rules' order of salience. Same derived facts
 * ({@link DerivedFacts}) and same findings ({@link GateFindings}) as those rules; the checks are
 * straight-line Java with the policy read once at construction. The differential tests hold it
 * to the frozen rules' decisions; it is not changed when the bundled rules are. Thread-safe
 * (immutable).
 */
public final class HandCodedGate {
  /** The {@code rulesVersion} its decisions carry. */
  public static final String VERSION = "hand-coded";

  private final GateEvaluator frozen;
  private final Thresholds p;

  /**
   * The floor of the rules {@code frozenRules} evaluates, which should be the frozen ones: the
   * derived facts come from {@code frozenRules.facts}, the thresholds from its policy.
   */
  public HandCodedGate(GateEvaluator frozenRules) {
    this.frozen = frozenRules;
    this.p = new Thresholds(frozenRules.policy());
  }

  public GateDecision evaluate(Pilot pilot, LocalDate asOf) {
    DerivedFacts d = DerivedFacts.of(frozen, pilot, asOf);
    List<Finding> out = new ArrayList<>();
    findings(d, out);
    purgatory(d, out);
    gates(d, out);
    return Decisions.decide(d, out, Decisions.readiness(out, p), VERSION);
  }

  /** Every finding rule of default salience. */
  private void findings(DerivedFacts d, List<Finding> out) {
    Pilot pilot = d.pilot;
    GateContext gate = d.gate;
    Stage stage = gate.stage();
    // criteria.drl
    List<SuccessCriterion> criteria = pilot.successCriteria();
    boolean anyBusiness = false;
    for (SuccessCriterion c : criteria) {
      anyBusiness |= c.kind() == MetricKind.BUSINESS;
      if (c.baseline() == null || c.target() == null || c.deadlineOn() == null) {
        out.add(GateFindings.criteriaIncomplete(gate, c));
      }
      if (c.baseline() != null && c.target() != null
          && (c.direction() == Direction.HIGHER_IS_BETTER ? c.target() <= c.baseline() : c.target() >= c.baseline())) {
        out.add(GateFindings.criteriaTargetNotBetter(gate, c));
      }
      if (pilot.launchedOn() != null && c.definedOn() != null && c.definedOn().isAfter(pilot.launchedOn())) {
        out.add(GateFindings.criteriaDefinedLate(pilot, c));
      }
    }
    if (criteria.isEmpty()) {
      out.add(GateFindings.criteriaMissing(gate));
    } else if (!anyBusiness) {
      out.add(GateFindings.criteriaTechnologyOnly(gate));
    }
    // owner.drl
    Owner o = pilot.owner();
    if (o == null) {
      out.add(GateFindings.ownerMissing(gate));
    } else {
      if (o.kind() != OwnerKind.INDIVIDUAL) {
        out.add(GateFindings.ownerDiffuse(gate, o));
      }
      if (!o.accountable()) {
        out.add(GateFindings.ownerNotAccountable(gate, o));
      }
      if (gate.designStartedOn() != null && o.involvedSince() != null
          && o.involvedSince().isAfter(gate.designStartedOn())) {
        out.add(GateFindings.ownerInherited(gate, o));
      }
    }
    // data.drl
    if (pilot.dataSources().isEmpty()) {
      out.add(GateFindings.dataNoSources(gate));
    }
    for (SourceAudit a : d.audits) {
      if (a.ageDays() == null) {
        out.add(GateFindings.dataNeverAudited(gate, a));
      } else {
        if (a.ageDays() > p.dataAuditMaxAgeDays) {
          out.add(GateFindings.dataAuditTooOld(gate, a, p.dataAuditMaxAgeDays));
        }
        if (!a.unmeasured().isEmpty()) {
          out.add(GateFindings.dataNothingMeasured(gate, a));
        }
      }
    }
    for (DataSource s : pilot.dataSources()) {
      if (s.duplicateRate() != null && s.duplicateRate() > p.dataDuplicateRateMax) {
        out.add(GateFindings.dataDuplicates(gate, s, p.dataDuplicateRateMax));
      }
      if (s.missingHistoryMonths() != null && s.missingHistoryMonths() > p.dataMissingHistoryMonthsMax) {
        out.add(GateFindings.dataMissingHistory(gate, s, p.dataMissingHistoryMonthsMax));
      }
      if (s.inconsistentFormatRate() != null && s.inconsistentFormatRate() > p.dataInconsistentFormatRateMax) {
        out.add(GateFindings.dataInconsistentFormats(gate, s, p.dataInconsistentFormatRateMax));
      }
      if (s.curatedForDemo()) {
        out.add(GateFindings.dataCuratedForDemo(gate, s));
      }
      if (!s.governanceDocumented()) {
        out.add(GateFindings.dataNoGovernance(gate, s));
      }
    }
    for (DeviceReading r : d.devices) {
      if (r.magnitude() > p.dataSensorOffsetMax) {
        out.add(GateFindings.dataSensorBias(gate, r, p.dataSensorOffsetMax));
      }
    }
    // rollout.drl
    Rollout rollout = pilot.rollout();
    AdoptionSnapshot a = d.adoption;
    if (stage.isAtOrAfter(Stage.CONTROLLED_ROLLOUT) && rollout == null) {
      out.add(GateFindings.rolloutMissing(gate));
    }
    if (stage == Stage.CONTROLLED_ROLLOUT && rollout != null) {
      if (!gate.gateDue()) {
        out.add(GateFindings.gateNotDue(gate, rollout, p.gatePeriodDays));
      }
      int size = rollout.earlyAdopters().size();
      if (size == 0) {
        out.add(GateFindings.cohortEmpty(p.cohortMin, p.cohortMax));
      } else if (size < p.cohortMin || size > p.cohortMax) {
        out.add(GateFindings.cohortSize(rollout, p.cohortMin, p.cohortMax));
      }
      if (a.eligibleUsers() > 0 && a.deployedShare() >= p.fullRolloutShare) {
        out.add(GateFindings.prematureFullRollout(a, p.fullRolloutShare));
      }
    }
    // adoption.drl
    if (stage == Stage.CONTROLLED_ROLLOUT && a != null && a.earlyAdopters() > 0
        && a.earlyAdopterActiveShare() < p.adoptionActiveShareMin) {
      if (gate.gateDue()) {
        out.add(GateFindings.lowEarlyAdopterUsage(a, p.adoptionActiveShareMin));
      } else if (a.rolloutAgeDays() >= a.windowDays() - 1) {
        out.add(GateFindings.lowEarlyAdopterUsageEarly(gate, a, p.adoptionActiveShareMin));
      }
    }
    if (rollout != null && rollout.legacyProcessInUse()) {
      if ((stage == Stage.CONTROLLED_ROLLOUT && gate.gateDue()) || stage.isAtOrAfter(Stage.ORG_WIDE_ADOPTION)) {
        out.add(GateFindings.shadowProcess());
      } else if (stage == Stage.CONTROLLED_ROLLOUT) {
        out.add(GateFindings.shadowProcessEarly());
      }
    }
    if (a != null && stage.isAtOrAfter(Stage.ORG_WIDE_ADOPTION) && a.activeShare() < p.productionActiveShareMin) {
      out.add(GateFindings.lowSustainedUsage(a, p.productionActiveShareMin));
    }
    if (a != null && stage == Stage.PRODUCTION && a.previousActiveUsers() > 0
        && a.usageDecay() > p.productionUsageDecayMax) {
      out.add(GateFindings.usageDecay(a, p.productionUsageDecayMax));
    }
    if (stage.isAtOrAfter(Stage.CONTROLLED_ROLLOUT) && !d.playbookGaps.missing().isEmpty()) {
      out.add(GateFindings.playbookIncomplete(gate, d.playbookGaps));
    }
    // metrics.drl
    boolean judged = (stage == Stage.CONTROLLED_ROLLOUT && gate.gateDue()) || stage.isAtOrAfter(Stage.ORG_WIDE_ADOPTION);
    for (MetricTrend t : d.trends) {
      if (judged) {
        switch (t.verdict()) {
          case INSUFFICIENT_DATA -> {
            if (!t.targetMet() || stage.isAtOrAfter(Stage.ORG_WIDE_ADOPTION)) {
              out.add(GateFindings.metricInsufficientData(t, p.metricMinObservations));
            }
          }
          case NO_SIGNIFICANT_CHANGE -> {
            if (!t.targetMet()) {
              out.add(GateFindings.metricNotMoving(t, p.metricTrendMaxPValue));
            }
          }
          case WORSENING -> out.add(GateFindings.metricWorsening(t, p.metricTrendMaxPValue));
          case IMPROVING -> {
            if (!t.targetMet()) {
              if (t.projectedAtDeadline() == null || t.projectedToMeetTarget()) {
                out.add(GateFindings.metricImproving(t, p.metricTrendMaxPValue));
              } else if (!t.deadlinePassed()) {
                out.add(GateFindings.metricOffTrack(t));
              }
            }
          }
        }
      }
      if (t.targetMet()) {
        out.add(GateFindings.metricTargetMet(t, p.metricMetPoints));
      }
      if (stage == Stage.ORG_WIDE_ADOPTION && !t.targetMet() && !t.deadlinePassed()
          && t.verdict() != TrendVerdict.INSUFFICIENT_DATA && t.latestValue() != null) {
        out.add(GateFindings.metricTargetPending(t));
      }
      if (stage != Stage.PRODUCTION && t.deadlinePassed() && !t.targetMet()) {
        out.add(gate.diagnoseOnRecord() ? GateFindings.deadlineMissedAfterDiagnose(t) : GateFindings.deadlineMissed(t));
      }
    }
    // budget.drl
    if (pilot.softwareMonthlyCost() != null && pilot.softwareMonthlyCost() > 0 && pilot.implementationBudget() != null
        && pilot.implementationBudget() < pilot.softwareMonthlyCost() * 12 * p.budgetMinMultiple) {
      out.add(GateFindings.implementationUnderfunded(pilot, p.budgetMinMultiple));
    }
  }

  /** purgatory.drl (salience -40 and -45). */
  private void purgatory(DerivedFacts d, List<Finding> out) {
    if (!d.gate.purgatory()) {
      return;
    }
    long criteria = d.pilot.successCriteria().size();
    long met = 0;
    for (MetricTrend t : d.trends) {
      if (t.targetMet()) {
        met++;
      }
    }
    if (criteria > 0 && met == criteria) {
      out.add(GateFindings.purgatoryGo(d.gate, d.pilot, p.purgatoryGraceDays, criteria, met));
      for (ListIterator<Finding> it = out.listIterator(); it.hasNext(); ) {
        Finding f = it.next();
        if (f.outcome() == GateOutcome.HOLD || f.outcome() == GateOutcome.DIAGNOSE) {
          it.set(f.asWarning());
        }
      }
    } else {
      out.add(GateFindings.purgatoryKill(d.gate, d.pilot, p.purgatoryGraceDays, criteria, met));
    }
  }

  /** outcome.drl (salience -50): GO when nothing holds, diagnoses or kills, outside purgatory. */
  private void gates(DerivedFacts d, List<Finding> out) {
    GateContext gate = d.gate;
    if (gate.purgatory() || Decisions.blocked(out)) {
      return;
    }
    AdoptionSnapshot a = d.adoption;
    switch (gate.stage()) {
      case DEFINE_CRITERIA -> {
        long business = d.pilot.successCriteria().stream().filter(c -> c.kind() == MetricKind.BUSINESS).count();
        out.add(GateFindings.criteriaDefined(d.pilot.successCriteria().size(), business));
      }
      case ACTIVATE_OWNER -> {
        if (d.pilot.owner() != null) {
          out.add(GateFindings.ownerActivated(d.pilot.owner()));
        }
      }
      case DATA_AUDIT -> out.add(GateFindings.dataReady(d.pilot.dataSources().size()));
      case CONTROLLED_ROLLOUT -> {
        if (gate.gateDue() && a != null) {
          long moving = d.trends.stream().filter(t -> t.verdict() == TrendVerdict.IMPROVING || t.targetMet()).count();
          out.add(GateFindings.rolloutGatePassed(a, p.adoptionActiveShareMin, moving));
        }
      }
      case ORG_WIDE_ADOPTION -> {
        if (a != null) {
          out.add(GateFindings.adoptionSustained(a, p.productionActiveShareMin));
        }
      }
      case PRODUCTION -> {
        if (a != null) {
          out.add(GateFindings.productionHealthy(a, p.productionActiveShareMin));
        }
      }
    }
  }
}
