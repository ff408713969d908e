package dev.pilotgate.rules;

import static dev.pilotgate.rules.Pilots.AS_OF;
import static dev.pilotgate.rules.Pilots.CRITERIA_DEFINED_ON;
import static dev.pilotgate.rules.Pilots.LAUNCHED_ON;
import static dev.pilotgate.rules.Pilots.OWNER_NAME;
import static dev.pilotgate.rules.Pilots.clean;
import static dev.pilotgate.rules.Pilots.criterion;
import static dev.pilotgate.rules.Pilots.only;
import static dev.pilotgate.rules.Pilots.owner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.RootCause;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.OwnerKind;
import dev.pilotgate.model.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** owner.drl: stage 2 output, one named individual, accountable for adoption, involved from design. */
class OwnerRulesTest {
  private static final GateEvaluator EVALUATOR = GateEvaluator.create();

  private static GateDecision decide(Pilots.PilotSpec pilot) {
    return EVALUATOR.evaluate(pilot.build(), AS_OF);
  }

  // --- OWNER_MISSING ---

  @Test
  void ownerMissing_noOwner_blocksAtActivateOwner() {
    GateDecision d = decide(clean(Stage.ACTIVATE_OWNER).noOwner());

    Finding f = only(d, "OWNER_MISSING");
    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
    assertThat(f.outcome()).isEqualTo(GateOutcome.HOLD);
    assertThat(f.rootCause()).isEqualTo(RootCause.OPERATOR_OWNER);
    assertThat(f.rule()).isEqualTo("OWNER_MISSING");
    assertThat(f.evidence()).containsEntry("owner", "none");
    assertThat(f.message()).contains("No operator owner");
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
    assertThat(d.nextStage()).isNull();
  }

  @Test
  void ownerMissing_ownerNamed_doesNotFire() {
    GateDecision d = decide(clean(Stage.ACTIVATE_OWNER));

    assertThat(d.hasFinding("OWNER_MISSING")).isFalse();
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
  }

  @Test
  void ownerMissing_noOwner_noOtherOwnerFinding() {
    GateDecision d = decide(clean(Stage.ACTIVATE_OWNER).noOwner());

    assertThat(d.findings()).filteredOn(f -> f.rootCause() == RootCause.OPERATOR_OWNER)
        .extracting(Finding::code).containsExactly("OWNER_MISSING");
  }

  // --- OWNER_DIFFUSE ---

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = OwnerKind.class, names = "INDIVIDUAL", mode = EnumSource.Mode.EXCLUDE)
  void ownerDiffuse_notAnIndividual_blocksAtActivateOwner(OwnerKind kind) {
    GateDecision d = decide(clean(Stage.ACTIVATE_OWNER).owner(owner().name("AI Steering Group").kind(kind)));

    Finding f = only(d, "OWNER_DIFFUSE");
    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
    assertThat(f.rootCause()).isEqualTo(RootCause.OPERATOR_OWNER);
    assertThat(f.rule()).isEqualTo("OWNER_DIFFUSE");
    assertThat(f.message()).contains("AI Steering Group").contains(kind.name());
    assertThat(f.evidence()).containsEntry("owner", "AI Steering Group").containsEntry("kind", kind.name());
    assertThat(f.action()).isEqualTo("Move ownership from AI Steering Group to one named individual in operations.");
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
  }

  @Test
  void ownerDiffuse_individual_doesNotFire() {
    GateDecision d = decide(clean(Stage.ACTIVATE_OWNER).owner(owner().kind(OwnerKind.INDIVIDUAL)));

    assertThat(d.hasFinding("OWNER_DIFFUSE")).isFalse();
  }

  // --- OWNER_NOT_ACCOUNTABLE ---

  @Test
  void ownerNotAccountable_notTiedToAdoption_blocksAtActivateOwner() {
    GateDecision d = decide(clean(Stage.ACTIVATE_OWNER).owner(owner().accountable(false)));

    Finding f = only(d, "OWNER_NOT_ACCOUNTABLE");
    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
    assertThat(f.rootCause()).isEqualTo(RootCause.OPERATOR_OWNER);
    assertThat(f.rule()).isEqualTo("OWNER_NOT_ACCOUNTABLE");
    assertThat(f.message()).contains(OWNER_NAME).contains("not tied");
    assertThat(f.evidence()).containsEntry("owner", OWNER_NAME).containsEntry("accountable", false);
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
  }

  @Test
  void ownerNotAccountable_accountable_doesNotFire() {
    GateDecision d = decide(clean(Stage.ACTIVATE_OWNER).owner(owner().accountable(true)));

    assertThat(d.hasFinding("OWNER_NOT_ACCOUNTABLE")).isFalse();
  }

  // --- OWNER_INHERITED (threshold: the day the design started; always a WARNING) ---

  @Test
  void ownerInherited_joinedDayAfterDesignStarted_warnsButStillGo() {
    // the design started when the first criterion was agreed (before launch)
    GateDecision d = decide(clean(Stage.ACTIVATE_OWNER).owner(owner().involvedSince(CRITERIA_DEFINED_ON.plusDays(1))));

    Finding f = only(d, "OWNER_INHERITED");
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.outcome()).isNull();
    assertThat(f.rootCause()).isEqualTo(RootCause.OPERATOR_OWNER);
    assertThat(f.rule()).isEqualTo("OWNER_INHERITED");
    assertThat(f.message()).contains(OWNER_NAME)
        .contains(CRITERIA_DEFINED_ON.plusDays(1).toString()).contains(CRITERIA_DEFINED_ON.toString());
    assertThat(f.evidence())
        .containsEntry("owner", OWNER_NAME)
        .containsEntry("involvedSince", CRITERIA_DEFINED_ON.plusDays(1).toString())
        .containsEntry("designStartedOn", CRITERIA_DEFINED_ON.toString());
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
  }

  @Test
  void ownerInherited_joinedTheDayDesignStarted_doesNotFire() {
    GateDecision d = decide(clean(Stage.ACTIVATE_OWNER).owner(owner().involvedSince(CRITERIA_DEFINED_ON)));

    assertThat(d.hasFinding("OWNER_INHERITED")).isFalse();
  }

  @Test
  void ownerInherited_involvementDateUnknown_doesNotFire() {
    GateDecision d = decide(clean(Stage.ACTIVATE_OWNER).owner(owner().involvedSince(null)));

    assertThat(d.hasFinding("OWNER_INHERITED")).isFalse();
  }

  @Test
  void ownerInherited_criteriaDefinedAfterLaunch_designStartIsLaunchDay() {
    // criteria agreed late: the launch is the earliest date, so the design started then
    GateDecision joinedOnLaunch = decide(clean(Stage.ACTIVATE_OWNER)
        .criteria(criterion().definedOn(LAUNCHED_ON.plusDays(10)))
        .owner(owner().involvedSince(LAUNCHED_ON)));
    GateDecision joinedAfterLaunch = decide(clean(Stage.ACTIVATE_OWNER)
        .criteria(criterion().definedOn(LAUNCHED_ON.plusDays(10)))
        .owner(owner().involvedSince(LAUNCHED_ON.plusDays(1))));

    assertThat(joinedOnLaunch.hasFinding("OWNER_INHERITED")).isFalse();
    assertThat(only(joinedAfterLaunch, "OWNER_INHERITED").evidence())
        .containsEntry("designStartedOn", LAUNCHED_ON.toString());
  }

  @Test
  void ownerInherited_noDesignDate_doesNotFire() {
    GateDecision d = decide(clean(Stage.ACTIVATE_OWNER).launchedOn(null)
        .criteria(criterion().definedOn(null))
        .owner(owner().involvedSince(AS_OF)));

    assertThat(d.hasFinding("OWNER_INHERITED")).isFalse();
  }
}
