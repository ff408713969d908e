package dev.pilotgate.rules;

import static dev.pilotgate.rules.Pilots.AS_OF;
import static dev.pilotgate.rules.Pilots.SOURCE_NAME;
import static dev.pilotgate.rules.Pilots.clean;
import static dev.pilotgate.rules.Pilots.only;
import static dev.pilotgate.rules.Pilots.percent;
import static dev.pilotgate.rules.Pilots.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.policy.Policy;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.RootCause;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Stage;
import org.junit.jupiter.api.Test;

/**
 * data.drl: stage 3 output, every source audited recently and within the policy's limits.
 * Thresholds are read from the policy; each limit is tested exactly at the threshold (the
 * rules compare with a strict {@code >}, so it passes) and just above it (it fires).
 */
class DataRulesTest {
  private static final GateEvaluator EVALUATOR = GateEvaluator.create();
  private static final Policy POLICY = EVALUATOR.policy();
  /** Small enough to stay "just above", large enough to show in a one-decimal percent. */
  private static final double DELTA = 0.001;

  private static GateDecision decide(Pilots.PilotSpec pilot) {
    return EVALUATOR.evaluate(pilot.build(), AS_OF);
  }

  private static void assertDataBlocker(GateDecision d, Finding f, String rule) {
    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
    assertThat(f.outcome()).isEqualTo(GateOutcome.HOLD);
    assertThat(f.rootCause()).isEqualTo(RootCause.DATA_READINESS);
    assertThat(f.rule()).isEqualTo(rule);
    assertThat(f.action()).isNotBlank();
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
    assertThat(d.nextStage()).isNull();
    assertThat(d.hasFinding("DATA_READY")).isFalse();
  }

  private static void assertPassesDataGate(GateDecision d, String code) {
    assertThat(d.hasFinding(code)).as("%s in %s", code, Pilots.codes(d)).isFalse();
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
    assertThat(d.nextStage()).isEqualTo(Stage.CONTROLLED_ROLLOUT);
  }

  // --- DATA_NO_SOURCES ---

  @Test
  void dataNoSources_noSourceListed_blocksAtDataAudit() {
    GateDecision d = decide(clean(Stage.DATA_AUDIT).noSources());

    Finding f = only(d, "DATA_NO_SOURCES");
    assertDataBlocker(d, f, "DATA_NO_SOURCES");
    assertThat(f.evidence()).containsEntry("sources", 0);
    assertThat(f.message()).contains("No data source");
  }

  @Test
  void dataNoSources_oneSource_doesNotFire() {
    assertPassesDataGate(decide(clean(Stage.DATA_AUDIT)), "DATA_NO_SOURCES");
  }

  // --- DATA_NOT_AUDITED: never audited ---

  @Test
  void dataNotAudited_neverAudited_blocksAtDataAudit() {
    GateDecision d = decide(clean(Stage.DATA_AUDIT).source(source().auditedOn(null)));

    Finding f = only(d, "DATA_NOT_AUDITED");
    assertDataBlocker(d, f, "DATA_NOT_AUDITED: never audited");
    assertThat(f.message()).contains(SOURCE_NAME).contains("has no audit on or before " + AS_OF);
    assertThat(f.evidence()).containsEntry("source", SOURCE_NAME).containsEntry("auditedOn", "never");
  }

  // --- DATA_NOT_AUDITED: audit too old ---

  @Test
  void dataNotAudited_auditOneDayOverMaxAge_blocksAtDataAudit() {
    int maxAge = POLICY.getInt("data.audit.maxAgeDays");
    var auditedOn = AS_OF.minusDays(maxAge + 1L);

    GateDecision d = decide(clean(Stage.DATA_AUDIT).source(source().auditedOn(auditedOn)));

    Finding f = only(d, "DATA_NOT_AUDITED");
    assertDataBlocker(d, f, "DATA_NOT_AUDITED: audit too old");
    assertThat(f.message())
        .contains(SOURCE_NAME)
        .contains(auditedOn.toString())
        .contains((maxAge + 1) + " days ago")
        .contains("the policy allows " + maxAge);
    assertThat(f.evidence())
        .containsEntry("source", SOURCE_NAME)
        .containsEntry("auditedOn", auditedOn.toString())
        .containsEntry("ageDays", maxAge + 1L)
        .containsEntry("maxAgeDays", maxAge);
  }

  @Test
  void dataNotAudited_auditExactlyMaxAge_doesNotFire() {
    int maxAge = POLICY.getInt("data.audit.maxAgeDays");

    GateDecision d = decide(clean(Stage.DATA_AUDIT).source(source().auditedOn(AS_OF.minusDays(maxAge))));

    assertPassesDataGate(d, "DATA_NOT_AUDITED");
  }

  @Test
  void dataNotAudited_auditedToday_doesNotFire() {
    assertPassesDataGate(decide(clean(Stage.DATA_AUDIT).source(source().auditedOn(AS_OF))), "DATA_NOT_AUDITED");
  }

  @Test
  void dataNotAudited_auditDatedAfterAsOf_blocksAtDataAudit() {
    GateDecision d = decide(clean(Stage.DATA_AUDIT).source(source().auditedOn(AS_OF.plusDays(10))));

    assertThat(d.hasFinding("DATA_NOT_AUDITED")).isTrue();
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
  }

  @Test
  void dataNotAudited_auditedButNothingMeasured_blocksAtDataAudit() {
    GateDecision d = decide(clean(Stage.DATA_AUDIT).source(
        source().duplicateRate(null).missingHistoryMonths(null).inconsistentFormatRate(null)));

    assertThat(d.hasFinding("DATA_NOT_AUDITED")).isTrue();
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
    assertThat(d.hasFinding("DATA_READY")).isFalse();
    assertThat(d.finding("DATA_NOT_AUDITED").orElseThrow().message())
        .contains("did not measure duplicateRate, missingHistoryMonths, inconsistentFormatRate");
  }

  @Test
  void dataNotAudited_neverAndTooOldOnTwoSources_oneFindingPerSource() {
    int maxAge = POLICY.getInt("data.audit.maxAgeDays");

    GateDecision d = decide(clean(Stage.DATA_AUDIT).sources(
        source().name("ERP").auditedOn(null),
        source().name("CRM").auditedOn(AS_OF.minusDays(maxAge + 30L))));

    assertThat(Pilots.all(d, "DATA_NOT_AUDITED"))
        .extracting(Finding::rule, f -> f.evidence().get("source"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("DATA_NOT_AUDITED: never audited", "ERP"),
            org.assertj.core.groups.Tuple.tuple("DATA_NOT_AUDITED: audit too old", "CRM"));
  }

  // --- DATA_DUPLICATES ---

  @Test
  void dataDuplicates_justAboveLimit_blocksAtDataAudit() {
    double max = POLICY.get("data.duplicateRate.max");
    double rate = max + DELTA;

    GateDecision d = decide(clean(Stage.DATA_AUDIT).source(source().duplicateRate(rate)));

    Finding f = only(d, "DATA_DUPLICATES");
    assertDataBlocker(d, f, "DATA_DUPLICATES");
    assertThat(f.message()).contains(SOURCE_NAME).contains(percent(rate)).contains("the limit is " + percent(max));
    assertThat(f.evidence())
        .containsEntry("source", SOURCE_NAME)
        .containsEntry("duplicateRate", rate)
        .containsEntry("max", max);
  }

  @Test
  void dataDuplicates_exactlyAtLimit_doesNotFire() {
    double max = POLICY.get("data.duplicateRate.max");

    assertPassesDataGate(decide(clean(Stage.DATA_AUDIT).source(source().duplicateRate(max))), "DATA_DUPLICATES");
  }

  @Test
  void dataDuplicates_twoSourcesAboveLimit_oneFindingPerSource() {
    double rate = POLICY.get("data.duplicateRate.max") + DELTA;

    GateDecision d = decide(clean(Stage.DATA_AUDIT).sources(
        source().name("CRM").duplicateRate(rate), source().name("ERP").duplicateRate(rate),
        source().name("Billing")));

    assertThat(Pilots.all(d, "DATA_DUPLICATES")).extracting(f -> f.evidence().get("source"))
        .containsExactlyInAnyOrder("CRM", "ERP");
  }

  // --- DATA_MISSING_HISTORY ---

  @Test
  void dataMissingHistory_oneMonthOverLimit_blocksAtDataAudit() {
    int max = POLICY.getInt("data.missingHistoryMonths.max");
    int months = max + 1;

    GateDecision d = decide(clean(Stage.DATA_AUDIT).source(source().missingHistoryMonths(months)));

    Finding f = only(d, "DATA_MISSING_HISTORY");
    assertDataBlocker(d, f, "DATA_MISSING_HISTORY");
    assertThat(f.message()).contains(SOURCE_NAME).contains("missing " + months + " months")
        .contains("the limit is " + max);
    assertThat(f.evidence())
        .containsEntry("source", SOURCE_NAME)
        .containsEntry("missingHistoryMonths", months)
        .containsEntry("max", max);
  }

  @Test
  void dataMissingHistory_exactlyAtLimit_doesNotFire() {
    int max = POLICY.getInt("data.missingHistoryMonths.max");

    assertPassesDataGate(decide(clean(Stage.DATA_AUDIT).source(source().missingHistoryMonths(max))),
        "DATA_MISSING_HISTORY");
  }

  // --- DATA_INCONSISTENT_FORMATS ---

  @Test
  void dataInconsistentFormats_justAboveLimit_blocksAtDataAudit() {
    double max = POLICY.get("data.inconsistentFormatRate.max");
    double rate = max + DELTA;

    GateDecision d = decide(clean(Stage.DATA_AUDIT).source(source().inconsistentFormatRate(rate)));

    Finding f = only(d, "DATA_INCONSISTENT_FORMATS");
    assertDataBlocker(d, f, "DATA_INCONSISTENT_FORMATS");
    assertThat(f.message()).contains(SOURCE_NAME).contains(percent(rate)).contains("the limit is " + percent(max));
    assertThat(f.evidence())
        .containsEntry("source", SOURCE_NAME)
        .containsEntry("inconsistentFormatRate", rate)
        .containsEntry("max", max);
  }

  @Test
  void dataInconsistentFormats_exactlyAtLimit_doesNotFire() {
    double max = POLICY.get("data.inconsistentFormatRate.max");

    assertPassesDataGate(decide(clean(Stage.DATA_AUDIT).source(source().inconsistentFormatRate(max))),
        "DATA_INCONSISTENT_FORMATS");
  }

  // --- DATA_SENSOR_BIAS ---

  @Test
  void dataSensorBias_readsJustAboveLimitHigh_blocksAtDataAudit() {
    double max = POLICY.get("data.sensorOffset.max");
    double offset = max + DELTA;

    GateDecision d = decide(clean(Stage.DATA_AUDIT).source(source().device("machine-7", offset).device("machine-2", 0.0)));

    Finding f = only(d, "DATA_SENSOR_BIAS");
    assertDataBlocker(d, f, "DATA_SENSOR_BIAS");
    assertThat(f.message()).contains("machine-7").contains(SOURCE_NAME)
        .contains(percent(offset) + " high").contains("the limit is " + percent(max));
    assertThat(f.evidence())
        .containsEntry("source", SOURCE_NAME)
        .containsEntry("device", "machine-7")
        .containsEntry("offset", offset)
        .containsEntry("max", max);
  }

  @Test
  void dataSensorBias_readsJustAboveLimitLow_blocksAtDataAudit() {
    double max = POLICY.get("data.sensorOffset.max");
    double offset = -(max + DELTA);

    GateDecision d = decide(clean(Stage.DATA_AUDIT).source(source().device("machine-3", offset)));

    Finding f = only(d, "DATA_SENSOR_BIAS");
    assertDataBlocker(d, f, "DATA_SENSOR_BIAS");
    assertThat(f.message()).contains("machine-3").contains(percent(-offset) + " low");
    assertThat(f.evidence()).containsEntry("offset", offset);
  }

  @Test
  void dataSensorBias_exactlyAtLimitEitherWay_doesNotFire() {
    double max = POLICY.get("data.sensorOffset.max");

    GateDecision d = decide(clean(Stage.DATA_AUDIT).source(source().device("machine-7", max).device("machine-3", -max)));

    assertPassesDataGate(d, "DATA_SENSOR_BIAS");
  }

  @Test
  void dataSensorBias_twoBiasedDevices_oneFindingPerDevice() {
    double offset = POLICY.get("data.sensorOffset.max") + DELTA;

    GateDecision d = decide(clean(Stage.DATA_AUDIT).source(
        source().device("machine-7", offset).device("machine-8", -offset).device("machine-9", 0.01)));

    assertThat(Pilots.all(d, "DATA_SENSOR_BIAS")).extracting(f -> f.evidence().get("device"))
        .containsExactlyInAnyOrder("machine-7", "machine-8");
  }

  // --- DATA_CURATED_FOR_DEMO ---

  @Test
  void dataCuratedForDemo_curatedSet_blocksAtDataAudit() {
    GateDecision d = decide(clean(Stage.DATA_AUDIT).source(source().curatedForDemo(true)));

    Finding f = only(d, "DATA_CURATED_FOR_DEMO");
    assertDataBlocker(d, f, "DATA_CURATED_FOR_DEMO");
    assertThat(f.message()).contains(SOURCE_NAME).contains("curated");
    assertThat(f.evidence()).containsEntry("source", SOURCE_NAME).containsEntry("curatedForDemo", true);
  }

  @Test
  void dataCuratedForDemo_productionData_doesNotFire() {
    assertPassesDataGate(decide(clean(Stage.DATA_AUDIT).source(source().curatedForDemo(false))),
        "DATA_CURATED_FOR_DEMO");
  }

  // --- DATA_NO_GOVERNANCE ---

  @Test
  void dataNoGovernance_notDocumented_blocksAtDataAudit() {
    GateDecision d = decide(clean(Stage.DATA_AUDIT).source(source().governanceDocumented(false)));

    Finding f = only(d, "DATA_NO_GOVERNANCE");
    assertDataBlocker(d, f, "DATA_NO_GOVERNANCE");
    assertThat(f.message()).contains(SOURCE_NAME).contains("governance");
    assertThat(f.evidence()).containsEntry("source", SOURCE_NAME).containsEntry("governanceDocumented", false);
  }

  @Test
  void dataNoGovernance_documented_doesNotFire() {
    assertPassesDataGate(decide(clean(Stage.DATA_AUDIT).source(source().governanceDocumented(true))),
        "DATA_NO_GOVERNANCE");
  }

  // --- all limits at once ---

  @Test
  void dataLimits_everyMeasurementExactlyAtItsLimit_passesDataGate() {
    double sensorMax = POLICY.get("data.sensorOffset.max");
    GateDecision d = decide(clean(Stage.DATA_AUDIT).source(source()
        .auditedOn(AS_OF.minusDays(POLICY.getInt("data.audit.maxAgeDays")))
        .duplicateRate(POLICY.get("data.duplicateRate.max"))
        .missingHistoryMonths(POLICY.getInt("data.missingHistoryMonths.max"))
        .inconsistentFormatRate(POLICY.get("data.inconsistentFormatRate.max"))
        .device("machine-7", sensorMax)
        .device("machine-8", -sensorMax)));

    assertThat(d.findings()).filteredOn(f -> f.rootCause() == RootCause.DATA_READINESS)
        .extracting(Finding::code).containsExactly("DATA_READY");
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
  }
}
