package dev.pilotgate.rules;

import static dev.pilotgate.rules.Pilots.AS_OF;
import static dev.pilotgate.rules.Pilots.OWNER_NAME;
import static dev.pilotgate.rules.Pilots.PILOT_ID;
import static dev.pilotgate.rules.Pilots.clean;
import static dev.pilotgate.rules.Pilots.criterion;
import static dev.pilotgate.rules.Pilots.only;
import static dev.pilotgate.rules.Pilots.owner;
import static dev.pilotgate.rules.Pilots.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.RootCause;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.MetricKind;
import dev.pilotgate.model.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** gates.drl: GO to the next stage when nothing blocks the current one (stages 1-3). */
class StageGatesTest {
  private static final GateEvaluator EVALUATOR = GateEvaluator.create();
  private static final List<String> GATE_CODES = List.of("CRITERIA_DEFINED", "OWNER_ACTIVATED", "DATA_READY");

  private static GateDecision decide(Pilots.PilotSpec pilot) {
    return EVALUATOR.evaluate(pilot.build(), AS_OF);
  }

  private static void assertGo(GateDecision d, Stage stage, Stage next, String gateCode, RootCause rootCause) {
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
    assertThat(d.nextStage()).isEqualTo(next);
    assertThat(d.stage()).isEqualTo(stage);
    Finding f = only(d, gateCode);
    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.outcome()).isEqualTo(GateOutcome.GO);
    assertThat(f.rootCause()).isEqualTo(rootCause);
    assertThat(f.rule()).isEqualTo(gateCode);
    assertThat(f.action()).isNotBlank();
    // the other stages' gates stay silent
    assertThat(d.findings()).filteredOn(x -> GATE_CODES.contains(x.code())).hasSize(1);
  }

  private static void assertHold(GateDecision d) {
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
    assertThat(d.nextStage()).isNull();
    assertThat(d.findings()).noneMatch(f -> GATE_CODES.contains(f.code()));
    assertThat(d.findings()).noneMatch(f -> f.outcome() == GateOutcome.GO);
  }

  // --- clean pilots: GO with the next stage ---

  @Test
  void criteriaDefined_cleanPilotAtDefineCriteria_goesToActivateOwner() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA));

    assertGo(d, Stage.DEFINE_CRITERIA, Stage.ACTIVATE_OWNER, "CRITERIA_DEFINED", RootCause.SUCCESS_CRITERIA);
    assertThat(d.findings()).extracting(Finding::code).containsExactly("CRITERIA_DEFINED");
    assertThat(d.pilotId()).isEqualTo(PILOT_ID);
    assertThat(d.asOf()).isEqualTo(AS_OF);
    assertThat(d.rulesVersion()).isEqualTo(EVALUATOR.rulesVersion());
  }

  @Test
  void criteriaDefined_twoCriteria_messageCountsCriteriaAndBusinessOnes() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(
        criterion(), criterion().metric("model_accuracy").kind(MetricKind.TECHNOLOGY).baseline(0.8).target(0.9)));

    Finding f = only(d, "CRITERIA_DEFINED");
    assertThat(f.message()).isEqualTo("2 success criteria with baseline, target and deadline; 1 measures a business outcome.");
    assertThat(f.evidence()).containsEntry("criteria", 2L).containsEntry("businessCriteria", 1L);
  }

  @Test
  void criteriaDefined_oneCriterion_messageIsSingular() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).criteria(criterion()));

    assertThat(only(d, "CRITERIA_DEFINED").message())
        .isEqualTo("1 success criterion with baseline, target and deadline; 1 measures a business outcome.");
  }

  @Test
  void dataReady_oneSource_messageIsSingular() {
    GateDecision d = decide(clean(Stage.DATA_AUDIT).sources(source()));

    assertThat(only(d, "DATA_READY").message()).isEqualTo("The data source is audited and within the policy's limits.");
  }

  @Test
  void ownerActivated_cleanPilotAtActivateOwner_goesToDataAudit() {
    GateDecision d = decide(clean(Stage.ACTIVATE_OWNER));

    assertGo(d, Stage.ACTIVATE_OWNER, Stage.DATA_AUDIT, "OWNER_ACTIVATED", RootCause.OPERATOR_OWNER);
    Finding f = only(d, "OWNER_ACTIVATED");
    assertThat(f.message()).isEqualTo(OWNER_NAME + " (Sales Director) owns adoption and is accountable for it.");
    assertThat(f.evidence()).containsEntry("owner", OWNER_NAME);
    assertThat(d.findings()).extracting(Finding::code).containsExactly("OWNER_ACTIVATED");
  }

  @Test
  void ownerActivated_ownerWithoutRole_messageHasNoEmptyParentheses() {
    GateDecision d = decide(clean(Stage.ACTIVATE_OWNER).owner(owner().role(null)));

    Finding f = only(d, "OWNER_ACTIVATED");
    assertThat(f.message()).isEqualTo(OWNER_NAME + " owns adoption and is accountable for it.");
    assertThat(f.evidence()).doesNotContainKey("role");
  }

  @Test
  void dataReady_cleanPilotAtDataAudit_goesToControlledRollout() {
    GateDecision d = decide(clean(Stage.DATA_AUDIT).sources(source(), source().name("ERP")));

    assertGo(d, Stage.DATA_AUDIT, Stage.CONTROLLED_ROLLOUT, "DATA_READY", RootCause.DATA_READINESS);
    Finding f = only(d, "DATA_READY");
    assertThat(f.message()).isEqualTo("All 2 data sources are audited and within the policy's limits.");
    assertThat(f.evidence()).containsEntry("sources", 2L);
    assertThat(d.findings()).extracting(Finding::code).containsExactly("DATA_READY");
  }

  // --- a blocker turns GO into HOLD ---

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource({
      "DEFINE_CRITERIA, CRITERIA_MISSING",
      "ACTIVATE_OWNER, OWNER_MISSING",
      "ACTIVATE_OWNER, CRITERIA_MISSING",
      "DATA_AUDIT, DATA_NO_SOURCES",
      "DATA_AUDIT, OWNER_MISSING",
      "DATA_AUDIT, CRITERIA_MISSING"})
  void stageGate_anyBlocker_holdsWithoutNextStage(Stage stage, String blocker) {
    Pilots.PilotSpec pilot = clean(stage);
    switch (blocker) {
      case "CRITERIA_MISSING" -> pilot.noCriteria();
      case "OWNER_MISSING" -> pilot.noOwner();
      case "DATA_NO_SOURCES" -> pilot.noSources();
      default -> throw new IllegalArgumentException(blocker);
    }

    GateDecision d = decide(pilot);

    assertThat(only(d, blocker).severity()).isEqualTo(Severity.BLOCKER);
    assertHold(d);
  }

  @Test
  void dataReady_oneBadSourceAmongClean_holds() {
    GateDecision d = decide(clean(Stage.DATA_AUDIT).sources(source(), source().name("ERP").curatedForDemo(true)));

    assertHold(d);
  }

  @Test
  void stageGate_severalBlockers_holdsWithEveryBlockerListed() {
    GateDecision d = decide(clean(Stage.DATA_AUDIT).noCriteria().noOwner().noSources());

    assertHold(d);
    assertThat(d.findings()).filteredOn(f -> f.severity() == Severity.BLOCKER)
        .extracting(Finding::code)
        .containsExactlyInAnyOrder("CRITERIA_MISSING", "OWNER_MISSING", "DATA_NO_SOURCES");
  }

  // --- warnings do not block the current gate ---

  @Test
  void criteriaDefined_onlyWarningsAhead_stillGoes() {
    GateDecision d = decide(clean(Stage.DEFINE_CRITERIA).noOwner().noSources());

    assertGo(d, Stage.DEFINE_CRITERIA, Stage.ACTIVATE_OWNER, "CRITERIA_DEFINED", RootCause.SUCCESS_CRITERIA);
    assertThat(d.findings()).filteredOn(f -> f.severity() == Severity.WARNING)
        .extracting(Finding::code).containsExactlyInAnyOrder("OWNER_MISSING", "DATA_NO_SOURCES");
  }

  @Test
  void ownerActivated_dataWarningsAhead_stillGoes() {
    GateDecision d = decide(clean(Stage.ACTIVATE_OWNER).source(source().auditedOn(null).governanceDocumented(false)));

    assertGo(d, Stage.ACTIVATE_OWNER, Stage.DATA_AUDIT, "OWNER_ACTIVATED", RootCause.OPERATOR_OWNER);
    assertThat(d.findings()).filteredOn(f -> f.severity() == Severity.WARNING)
        .extracting(Finding::code).containsExactlyInAnyOrder("DATA_NOT_AUDITED", "DATA_NO_GOVERNANCE");
  }

  @Test
  void stageGate_findingsOrderedMostSevereFirst() {
    GateDecision d = decide(clean(Stage.ACTIVATE_OWNER).noCriteria().noSources());

    assertThat(d.findings()).extracting(Finding::severity)
        .isSortedAccordingTo(java.util.Comparator.naturalOrder());
    assertThat(d.findings().get(0).code()).isEqualTo("CRITERIA_MISSING");
  }
}
