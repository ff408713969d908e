package dev.pilotgate.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.model.DataSource;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.UsageRecord;
import dev.pilotgate.properties.GeneratedPilots.Case;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Invariants of every decision, over generated valid pilots, with the bundled rules. */
class EvaluationProperties {
  private static final GateEvaluator EVALUATOR = GateEvaluator.create();

  @Provide
  Arbitrary<Case> pilots() {
    return GeneratedPilots.anyPilot();
  }

  @Provide
  Arbitrary<Case> atTheGate() {
    return GeneratedPilots.atTheGate();
  }

  @Property(tries = 200)
  void evaluate_anyValidPilot_neverThrowsAndIsDeterministic(@ForAll("pilots") Case c) {
    GateDecision first = EVALUATOR.evaluate(c.pilot(), c.asOf());
    GateDecision second = EVALUATOR.evaluate(c.pilot(), c.asOf());
    assertThat(second).isEqualTo(first);
    Statistics.collect(first.outcome());
  }

  @Property(tries = 200)
  void evaluate_outcome_followsThePrecedenceOverTheFindings_andNoBlockerComesWithGo(@ForAll("pilots") Case c) {
    GateDecision d = EVALUATOR.evaluate(c.pilot(), c.asOf());
    GateOutcome expected = null;
    for (Finding f : d.findings()) {
      if (f.outcome() != null) {
        expected = f.outcome().max(expected);
      }
    }
    assertThat(d.outcome()).isEqualTo(expected);
    if (d.outcome() == GateOutcome.GO) {
      assertThat(d.findings()).noneMatch(f -> f.severity() == Severity.BLOCKER);
      assertThat(d.nextStage()).isEqualTo(c.pilot().stage().next().orElse(null));
    } else {
      assertThat(d.nextStage()).isNull();
    }
  }

  @Property(tries = 150)
  void evaluate_moreActiveEarlyAdopters_neverTurnAGoIntoDiagnose(@ForAll("atTheGate") Case c) {
    GateDecision before = EVALUATOR.evaluate(c.pilot(), c.asOf());
    Pilot.Builder more = c.pilot().toBuilder();
    for (String user : c.pilot().rollout().earlyAdopters()) {
      more.usage(new UsageRecord(user, c.asOf(), 1)); // active on the decision day
    }
    GateDecision after = EVALUATOR.evaluate(more.build(), c.asOf());
    Statistics.collect(before.outcome(), after.outcome());
    if (before.outcome() == GateOutcome.GO) {
      assertThat(after.outcome()).isNotEqualTo(GateOutcome.DIAGNOSE);
    }
    assertThat(after.hasFinding("LOW_EARLY_ADOPTER_USAGE")).isFalse();
  }

  @Property(tries = 150)
  void evaluate_aWorseDuplicateRate_neverRemovesDataDuplicates(@ForAll("pilots") Case c) {
    GateDecision before = EVALUATOR.evaluate(c.pilot(), c.asOf());
    List<DataSource> sources = c.pilot().dataSources();
    Statistics.collect(before.hasFinding("DATA_DUPLICATES"));
    if (sources.isEmpty()) {
      return;
    }
    for (int i = 0; i < sources.size(); i++) {
      DataSource s = sources.get(i);
      double worse = s.duplicateRate() == null ? 0.5 : Math.min(1.0, s.duplicateRate() + (1 - s.duplicateRate()) / 2);
      List<DataSource> changed = new ArrayList<>(sources);
      changed.set(i, new DataSource(s.name(), s.auditedOn(), worse, s.missingHistoryMonths(),
          s.inconsistentFormatRate(), s.curatedForDemo(), s.governanceDocumented(), s.deviceOffsets()));
      Pilot.Builder b = c.pilot().toBuilder();
      // the builder adds to the copied list: rebuild the sources from scratch
      Pilot base = b.build();
      Pilot worsePilot = new Pilot(base.id(), base.name(), base.stage(), base.launchedOn(), base.plannedEndOn(),
          base.softwareMonthlyCost(), base.implementationBudget(), base.successCriteria(), base.owner(), changed,
          base.rollout(), base.usage(), base.observations(), base.playbook(), base.decisions());
      GateDecision after = EVALUATOR.evaluate(worsePilot, c.asOf());
      if (before.hasFinding("DATA_DUPLICATES")) {
        assertThat(after.hasFinding("DATA_DUPLICATES")).as("source %d made worse", i).isTrue();
      }
      assertThat(after.findings().stream().filter(f -> f.code().equals("DATA_DUPLICATES")).count())
          .isGreaterThanOrEqualTo(before.findings().stream().filter(f -> f.code().equals("DATA_DUPLICATES")).count());
    }
  }

  @Property(tries = 300)
  void evaluate_judgmentOverTime_killHasNoWayForward_productionIsNeverHeld_andTheReviewComes(
      @ForAll("pilots") Case c) {
    GateDecision d = EVALUATOR.evaluate(c.pilot(), c.asOf());
    if (d.outcome() == GateOutcome.KILL) {
      assertThat(d.readiness().minWeeks()).as("weeks on a KILL").isNull();
      assertThat(d.readiness().productionBetween()).isNull();
      // beside a KILL nothing else still holds or diagnoses: the actions are the KILL's
      assertThat(d.findings()).extracting(Finding::outcome).doesNotContain(GateOutcome.HOLD, GateOutcome.DIAGNOSE);
    } else {
      assertThat(d.readiness().minWeeks()).isNotNull().isLessThanOrEqualTo(d.readiness().maxWeeks());
    }
    if (d.stage() == dev.pilotgate.model.Stage.PRODUCTION) {
      assertThat(d.outcome()).isNotEqualTo(GateOutcome.HOLD);
      assertThat(d.readiness().minWeeks()).isIn(0, null);
    }
    // a KILL on record is final, whatever the data says now
    c.pilot().decisions().stream().filter(r -> !r.date().isAfter(c.asOf()))
        .max(java.util.Comparator.comparing(dev.pilotgate.model.RecordedDecision::date)
            .thenComparing(r -> r.outcome().precedence()))
        .filter(r -> r.outcome() == GateOutcome.KILL)
        .ifPresent(r -> assertThat(d.outcome()).as("after the KILL of %s", r.date()).isEqualTo(GateOutcome.KILL));
    assertThat(d.nextReviewOn()).isAfter(d.asOf())
        .isBeforeOrEqualTo(d.asOf().plusDays(EVALUATOR.policy().getInt("review.intervalDays")));
  }
}
