package dev.pilotgate.rules;

import static dev.pilotgate.rules.Pilots.AS_OF;
import static dev.pilotgate.rules.Pilots.LAUNCHED_ON;
import static dev.pilotgate.rules.Pilots.METRIC;
import static dev.pilotgate.rules.Pilots.clean;
import static dev.pilotgate.rules.Pilots.criterion;
import static dev.pilotgate.rules.Pilots.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.RootCause;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.model.Direction;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.MetricKind;
import dev.pilotgate.model.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** criteria.drl: stage 1 output, success criteria with baseline, target and deadline, at least one business. */
class CriteriaRulesTest {
  private static final GateEvaluator EVALUATOR = GateEvaluator.create();

  private static GateDecision decide(Pilots.PilotSpec pilot) {
    return EVALUATOR.evaluate(pilot.build(), AS_OF);
  }

  // --- CRITERIA_MISSING ---

  @Test
  void criteriaMissing_noCriterion_blocksAtDefineCriteria() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).noCriteria());

    Finding f = only(d, "CRITERIA_MISSING");
    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
    assertThat(f.outcome()).isEqualTo(GateOutcome.HOLD);
    assertThat(f.rootCause()).isEqualTo(RootCause.SUCCESS_CRITERIA);
    assertThat(f.rule()).isEqualTo("CRITERIA_MISSING");
    assertThat(f.evidence()).containsEntry("criteria", 0);
    assertThat(f.message()).contains("No success criterion");
    assertThat(f.action()).isNotBlank();
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
    assertThat(d.nextStage()).isNull();
  }

  @Test
  void criteriaMissing_oneCriterion_doesNotFire() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA));

    assertThat(d.hasFinding("CRITERIA_MISSING")).isFalse();
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
  }

  @Test
  void criteriaMissing_noCriterion_doesNotAlsoReportTechnologyOnly() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).noCriteria());

    assertThat(d.hasFinding("CRITERIA_TECHNOLOGY_ONLY")).isFalse();
  }

  // --- CRITERIA_INCOMPLETE ---

  @Test
  void criteriaIncomplete_noBaseline_blocksAndNamesWhatIsMissing() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(criterion().baseline(null)));

    Finding f = only(d, "CRITERIA_INCOMPLETE");
    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
    assertThat(f.rootCause()).isEqualTo(RootCause.SUCCESS_CRITERIA);
    assertThat(f.rule()).isEqualTo("CRITERIA_INCOMPLETE");
    assertThat(f.message()).isEqualTo("Criterion '" + METRIC + "' is missing: baseline.");
    assertThat(f.evidence()).containsEntry("metric", METRIC).containsEntry("missing", List.of("baseline"));
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
  }

  @Test
  void criteriaIncomplete_noTarget_blocks() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(criterion().target(null)));

    Finding f = only(d, "CRITERIA_INCOMPLETE");
    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
    assertThat(f.message()).isEqualTo("Criterion '" + METRIC + "' is missing: target.");
    assertThat(f.evidence()).containsEntry("missing", List.of("target"));
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
  }

  @Test
  void criteriaIncomplete_noDeadline_blocks() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(criterion().deadlineOn(null)));

    Finding f = only(d, "CRITERIA_INCOMPLETE");
    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
    assertThat(f.message()).isEqualTo("Criterion '" + METRIC + "' is missing: deadline.");
    assertThat(f.evidence()).containsEntry("missing", List.of("deadline"));
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
  }

  @Test
  void criteriaIncomplete_nothingSet_listsEveryMissingPartOnce() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA)
        .criteria(criterion().baseline(null).target(null).deadlineOn(null)));

    Finding f = only(d, "CRITERIA_INCOMPLETE");
    assertThat(f.message()).isEqualTo("Criterion '" + METRIC + "' is missing: baseline, target, deadline.");
    assertThat(f.evidence()).containsEntry("missing", List.of("baseline", "target", "deadline"));
    // without baseline and target there is nothing to compare
    assertThat(d.hasFinding("CRITERIA_TARGET_NOT_BETTER")).isFalse();
  }

  @Test
  void criteriaIncomplete_twoIncompleteCriteria_oneFindingEach() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(
        criterion().metric("a").target(null), criterion().metric("b").deadlineOn(null)));

    assertThat(Pilots.all(d, "CRITERIA_INCOMPLETE"))
        .extracting(f -> f.evidence().get("metric")).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void criteriaIncomplete_completeCriterion_doesNotFire() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA));

    assertThat(d.hasFinding("CRITERIA_INCOMPLETE")).isFalse();
  }

  // --- CRITERIA_TARGET_NOT_BETTER (threshold: the baseline itself) ---

  @Test
  void criteriaTargetNotBetter_higherIsBetterTargetEqualsBaseline_blocks() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(criterion().baseline(0.40).target(0.40)));

    Finding f = only(d, "CRITERIA_TARGET_NOT_BETTER");
    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
    assertThat(f.rootCause()).isEqualTo(RootCause.SUCCESS_CRITERIA);
    assertThat(f.rule()).isEqualTo("CRITERIA_TARGET_NOT_BETTER");
    assertThat(f.message()).contains("target 0.4").contains("baseline 0.4").contains("HIGHER_IS_BETTER");
    assertThat(f.evidence())
        .containsEntry("metric", METRIC)
        .containsEntry("baseline", 0.40)
        .containsEntry("target", 0.40)
        .containsEntry("direction", "HIGHER_IS_BETTER");
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
    assertThat(d.nextStage()).isNull();
  }

  @Test
  void criteriaTargetNotBetter_higherIsBetterTargetJustBelowBaseline_blocks() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(criterion().baseline(0.40).target(0.39)));

    Finding f = only(d, "CRITERIA_TARGET_NOT_BETTER");
    assertThat(f.message()).contains("target 0.39").contains("baseline 0.4");
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
  }

  @Test
  void criteriaTargetNotBetter_higherIsBetterTargetJustAboveBaseline_doesNotFire() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(criterion().baseline(0.40).target(0.41)));

    assertThat(d.hasFinding("CRITERIA_TARGET_NOT_BETTER")).isFalse();
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
  }

  @Test
  void criteriaTargetNotBetter_lowerIsBetterTargetEqualsBaseline_blocks() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(
        criterion().metric("hours_to_quote").direction(Direction.LOWER_IS_BETTER).baseline(48.0).target(48.0)));

    Finding f = only(d, "CRITERIA_TARGET_NOT_BETTER");
    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
    assertThat(f.message()).isEqualTo("Criterion 'hours_to_quote': the target 48 is not better than the baseline 48"
        + " (LOWER_IS_BETTER).");
    assertThat(f.evidence()).containsEntry("direction", "LOWER_IS_BETTER");
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
  }

  @Test
  void criteriaTargetNotBetter_lowerIsBetterTargetJustAboveBaseline_blocks() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(
        criterion().direction(Direction.LOWER_IS_BETTER).baseline(48.0).target(48.5)));

    assertThat(only(d, "CRITERIA_TARGET_NOT_BETTER").evidence()).containsEntry("target", 48.5);
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
  }

  @Test
  void criteriaTargetNotBetter_lowerIsBetterTargetJustBelowBaseline_doesNotFire() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(
        criterion().direction(Direction.LOWER_IS_BETTER).baseline(48.0).target(47.5)));

    assertThat(d.hasFinding("CRITERIA_TARGET_NOT_BETTER")).isFalse();
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
  }

  // --- CRITERIA_DEFINED_LATE (threshold: the launch date; always a WARNING) ---

  @Test
  void criteriaDefinedLate_dayAfterLaunch_warnsButStillGo() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(criterion().definedOn(LAUNCHED_ON.plusDays(1))));

    Finding f = only(d, "CRITERIA_DEFINED_LATE");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.outcome()).isNull();
    assertThat(f.rootCause()).isEqualTo(RootCause.SUCCESS_CRITERIA);
    assertThat(f.rule()).isEqualTo("CRITERIA_DEFINED_LATE");
    assertThat(f.message()).contains(LAUNCHED_ON.plusDays(1).toString()).contains(LAUNCHED_ON.toString());
    assertThat(f.evidence())
        .containsEntry("metric", METRIC)
        .containsEntry("definedOn", LAUNCHED_ON.plusDays(1).toString())
        .containsEntry("launchedOn", LAUNCHED_ON.toString());
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
  }

  @Test
  void criteriaDefinedLate_onLaunchDay_doesNotFire() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(criterion().definedOn(LAUNCHED_ON)));

    assertThat(d.hasFinding("CRITERIA_DEFINED_LATE")).isFalse();
  }

  @Test
  void criteriaDefinedLate_noLaunchDate_doesNotFire() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).launchedOn(null)
        .criteria(criterion().definedOn(AS_OF.minusDays(1))));

    assertThat(d.hasFinding("CRITERIA_DEFINED_LATE")).isFalse();
  }

  @Test
  void criteriaDefinedLate_definitionDateUnknown_doesNotFire() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(criterion().definedOn(null)));

    assertThat(d.hasFinding("CRITERIA_DEFINED_LATE")).isFalse();
  }

  // --- CRITERIA_TECHNOLOGY_ONLY ---

  @Test
  void criteriaTechnologyOnly_everyCriterionTechnology_blocks() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(
        criterion().metric("model_accuracy").kind(MetricKind.TECHNOLOGY).baseline(0.80).target(0.95),
        criterion().metric("uptime").kind(MetricKind.TECHNOLOGY).baseline(0.99).target(0.999)));

    Finding f = only(d, "CRITERIA_TECHNOLOGY_ONLY");
    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
    assertThat(f.rootCause()).isEqualTo(RootCause.SUCCESS_CRITERIA);
    assertThat(f.rule()).isEqualTo("CRITERIA_TECHNOLOGY_ONLY");
    assertThat(f.evidence()).containsEntry("businessCriteria", 0);
    assertThat(f.message()).contains("technology");
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
  }

  @Test
  void criteriaTechnologyOnly_oneBusinessAmongTechnology_doesNotFire() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(
        criterion().metric("model_accuracy").kind(MetricKind.TECHNOLOGY).baseline(0.80).target(0.95),
        criterion()));

    assertThat(d.hasFinding("CRITERIA_TECHNOLOGY_ONLY")).isFalse();
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
  }
}
