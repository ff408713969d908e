package dev.pilotgate.waivers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.decision.ToPass;
import dev.pilotgate.decision.WaiverStatus;
import dev.pilotgate.io.DecisionJson;
import dev.pilotgate.io.PilotReader;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Waiver;
import dev.pilotgate.scenario.Scenario;
import dev.pilotgate.scenario.ScenarioReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Waivers on the bundled rules (real Drools, the real .drl files): what a waived, an ended and a capped waiver do. */
class WaiverRulesTest {
  private static final GateEvaluator EVALUATOR = GateEvaluator.create();

  /** A pilot at the data audit whose CRM has 8% duplicates (the policy allows 2%), with {@code waiver}. */
  private static Pilot pilot(String waiver) {
    return PilotReader.create().read("""
        id: crm-assistant
        stage: DATA_AUDIT
        launchedOn: 2026-03-02
        successCriteria:
          - { metric: qualified_lead_share, kind: BUSINESS, baseline: 0.20, target: 0.35, direction: HIGHER_IS_BETTER, deadlineOn: 2026-12-18, definedOn: 2026-02-16 }
        owner: { name: Dana Reyes, role: Sales Director, kind: INDIVIDUAL, accountable: true, involvedSince: 2026-02-01 }
        dataSources:
          - { name: CRM, auditedOn: 2026-03-20, duplicateRate: 0.08, missingHistoryMonths: 0, inconsistentFormatRate: 0.01, governanceDocumented: true }
        waivers:
          - %s
        """.formatted(waiver), PilotReader.Format.YAML, "crm.yaml");
  }

  private static final String IN_FORCE = "{ code: DATA_DUPLICATES, subject: CRM, approvedBy: Dana Reyes,"
      + " reason: dedup project funded for Q3, approvedOn: 2026-05-15, until: 2026-07-31 }";

  @Test
  void aWaiverInForce_turnsTheBlockerIntoAWarningNamingTheWaiver_andTheGatePasses() {
    GateDecision d = EVALUATOR.evaluate(pilot(IN_FORCE), LocalDate.of(2026, 6, 1));

    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
    Finding f = d.finding("DATA_DUPLICATES").orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.outcome()).isNull();
    assertThat(f.message()).isEqualTo("CRM has 8% duplicate records; the limit is 2%."
        + " Waived by Dana Reyes until 2026-07-31: dedup project funded for Q3");
    // addressed to the owner, then what the waiver makes of the action
    assertThat(f.action()).startsWith("Dana Reyes: Before the waiver ends on 2026-07-31: deduplicate CRM");
    assertThat(f.evidence()).containsEntry("waiverApprovedBy", "Dana Reyes")
        .containsEntry("waiverReason", "dedup project funded for Q3")
        .containsEntry("waiverUntil", "2026-07-31")
        .containsEntry("waiverApprovedOn", "2026-05-15")
        .containsEntry("waiverSubject", "CRM")
        .doesNotContainKey("waiverMaxDays");
    assertThat(f.toPass()).isEqualTo(new ToPass("8% duplicates", "at most 2%", "duplicates in CRM 8% → at most 2%"));
    assertThat(d.hasFinding("WAIVER_EXPIRED")).isFalse();
    assertThat(d.waivers()).singleElement().satisfies(w -> {
      assertThat(w.state()).isEqualTo(WaiverStatus.State.IN_FORCE);
      assertThat(w.endsOn()).isEqualTo(LocalDate.of(2026, 7, 31));
      assertThat(w.capped()).isFalse();
    });
  }

  @Test
  void onTheWaiversLastDay_itStillCounts_andTheDayAfter_theFindingIsBackWithWaiverExpired() {
    assertThat(EVALUATOR.evaluate(pilot(IN_FORCE), LocalDate.of(2026, 7, 31)).outcome()).isEqualTo(GateOutcome.GO);

    GateDecision d = EVALUATOR.evaluate(pilot(IN_FORCE), LocalDate.of(2026, 8, 1));

    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
    Finding back = d.finding("DATA_DUPLICATES").orElseThrow();
    assertThat(back.severity()).isEqualTo(Severity.BLOCKER);
    assertThat(back.outcome()).isEqualTo(GateOutcome.HOLD);
    assertThat(back.evidence()).doesNotContainKey("waiverApprovedBy");
    Finding expired = d.finding("WAIVER_EXPIRED").orElseThrow();
    assertThat(expired.severity()).isEqualTo(Severity.WARNING);
    assertThat(expired.outcome()).isNull();
    assertThat(expired.message()).isEqualTo("The waiver of DATA_DUPLICATES for CRM approved by Dana Reyes ended on"
        + " 2026-07-31: the finding counts again.");
    assertThat(expired.action()).isEqualTo("Fix what DATA_DUPLICATES reports, or ask Dana Reyes for a new waiver with"
        + " a reason.");
    assertThat(expired.rule()).isEqualTo(back.rule());
    assertThat(d.waivers()).singleElement().extracting(WaiverStatus::state).isEqualTo(WaiverStatus.State.EXPIRED);
  }

  @Test
  void aWaiverLongerThanTheMaxDays_countsToTheBound_andSaysSo() {
    String allYear = "{ code: DATA_DUPLICATES, subject: CRM, approvedBy: Dana Reyes, reason: wait for the new CRM,"
        + " approvedOn: 2026-01-20, until: 2026-12-31 }";

    GateDecision within = EVALUATOR.evaluate(pilot(allYear), LocalDate.of(2026, 4, 1));
    Finding waived = within.finding("DATA_DUPLICATES").orElseThrow();
    assertThat(within.outcome()).isEqualTo(GateOutcome.GO);
    assertThat(waived.evidence()).containsEntry("waiverUntil", "2026-04-20")
        .containsEntry("waiverRequestedUntil", "2026-12-31").containsEntry("waiverMaxDays", 90);
    assertThat(waived.message()).endsWith("Waived by Dana Reyes until 2026-04-20 (the policy's limit of 90 days;"
        + " the waiver asked for 2026-12-31): wait for the new CRM");
    assertThat(within.waivers()).singleElement().satisfies(w -> {
      assertThat(w.capped()).isTrue();
      assertThat(w.endsOn()).isEqualTo(LocalDate.of(2026, 4, 20));
    });

    GateDecision after = EVALUATOR.evaluate(pilot(allYear), LocalDate.of(2026, 4, 21));
    assertThat(after.outcome()).isEqualTo(GateOutcome.HOLD);
    assertThat(after.finding("WAIVER_EXPIRED").orElseThrow().message()).isEqualTo("The waiver of DATA_DUPLICATES"
        + " for CRM approved by Dana Reyes ended on 2026-04-20 (the policy's limit of 90 days; it asked for"
        + " 2026-12-31): the finding counts again.");
  }

  @Test
  void aWaiverForAnotherSubject_waivesNothing_andDoesNotExpire() {
    String erp = IN_FORCE.replace("subject: CRM", "subject: ERP orders");
    GateDecision d = EVALUATOR.evaluate(pilot(erp), LocalDate.of(2026, 6, 1));
    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
    assertThat(d.finding("DATA_DUPLICATES").orElseThrow().severity()).isEqualTo(Severity.BLOCKER);
    assertThat(EVALUATOR.evaluate(pilot(erp), LocalDate.of(2026, 9, 1)).hasFinding("WAIVER_EXPIRED")).isFalse();
  }

  @Test
  void aSubjectMatchesTrimmedAndIgnoringCase() {
    GateDecision d = EVALUATOR.evaluate(pilot(IN_FORCE.replace("subject: CRM", "subject: ' crm '")),
        LocalDate.of(2026, 6, 1));
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
  }

  @Test
  void aFindingThatCallsForKill_isNeverWaived_evenWhenItsCodeIsWaivable() throws IOException {
    // DEADLINE_MISSED calls for DIAGNOSE (waivable), but after a diagnosis on record it calls for KILL
    Scenario killed = bundled("metrics.yaml").stream()
        .filter(s -> s.expect().outcome() == GateOutcome.KILL && s.expect().findings().contains("DEADLINE_MISSED"))
        .findFirst().orElseThrow();
    Pilot waived = killed.pilot().toBuilder()
        .waiver(new Waiver("DEADLINE_MISSED", null, "Sam Ortiz", "supplier delay", killed.asOf().minusDays(5),
            killed.asOf().plusDays(30)))
        .build();

    GateDecision d = EVALUATOR.evaluate(waived, killed.asOf());

    assertThat(d.outcome()).isEqualTo(GateOutcome.KILL);
    Finding f = d.finding("DEADLINE_MISSED").orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
    assertThat(f.outcome()).isEqualTo(GateOutcome.KILL);
    assertThat(f.evidence()).doesNotContainKey("waiverApprovedBy");
  }

  @Test
  void json_showsTheWaiversAndEachFindingsToPass() {
    String json = DecisionJson.toJson(EVALUATOR.evaluate(pilot(IN_FORCE), LocalDate.of(2026, 6, 1)));
    assertThat(json).contains("\"waivers\" : [ {", "\"state\" : \"IN_FORCE\"", "\"endsOn\" : \"2026-07-31\"",
        "\"approvedBy\" : \"Dana Reyes\"", "\"toPass\" : {", "\"text\" : \"duplicates in CRM 8% → at most 2%\"",
        "\"waiverApprovedBy\" : \"Dana Reyes\"");
  }

  private static List<Scenario> bundled(String file) throws IOException {
    try (InputStream in = WaiverRulesTest.class.getClassLoader()
        .getResourceAsStream("dev/pilotgate/rules/scenarios/" + file)) {
      return ScenarioReader.create().read(new String(in.readAllBytes(), StandardCharsets.UTF_8), file, null);
    }
  }
}
