package dev.pilotgate.waivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.io.DocumentProblem;
import dev.pilotgate.io.PilotReader;
import dev.pilotgate.io.PilotValidationException;
import dev.pilotgate.model.InvalidFieldException;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.Waiver;
import dev.pilotgate.scenario.ScenarioReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader checks waivers like every other field: each problem with its field path and line. */
class WaiverReaderTest {
  private static final PilotReader READER = PilotReader.create();

  /** Problems of a pilot whose waivers are {@code waivers} (one per line, from line 5). */
  private static List<String> problems(String... waivers) {
    StringBuilder doc = new StringBuilder("id: crm-assistant\nstage: DATA_AUDIT\nlaunchedOn: 2026-03-02\nwaivers:\n");
    for (String w : waivers) {
      doc.append("  - ").append(w).append('\n');
    }
    return READER.validate(doc.toString(), PilotReader.Format.YAML, "crm.yaml").stream()
        .map(p -> p.line() + ": " + p).toList();
  }

  private static final String OK = "{ code: DATA_DUPLICATES, subject: CRM, approvedBy: Dana Reyes, reason: dedup funded,"
      + " approvedOn: 2026-05-15, until: 2026-07-31 }";

  @Test
  void aCompleteWaiver_isRead() {
    assertThat(problems(OK)).isEmpty();
    Pilot p = READER.read("id: x\nstage: DATA_AUDIT\nwaivers:\n  - " + OK + "\n", PilotReader.Format.YAML, "x.yaml");
    assertThat(p.waivers()).containsExactly(new Waiver("DATA_DUPLICATES", "CRM", "Dana Reyes", "dedup funded",
        LocalDate.of(2026, 5, 15), LocalDate.of(2026, 7, 31)));
  }

  @Test
  void approverAndReason_areRequired_andNotBlank() {
    assertThat(problems(
        "{ code: DATA_DUPLICATES, approvedOn: 2026-05-15, until: 2026-07-31 }",
        "{ code: DATA_DUPLICATES, approvedBy: ' ', reason: '', approvedOn: 2026-05-15, until: 2026-07-31 }"))
        .containsExactly(
            "5: waivers[0].approvedBy: is required (a non-blank text)",
            "5: waivers[0].reason: is required (a non-blank text)",
            "6: waivers[1].approvedBy: must not be blank but was ' '",
            "6: waivers[1].reason: must not be blank but was ''");
  }

  @Test
  void untilBeforeApprovedOn_isRefusedAtUntil() {
    assertThat(problems("{ code: DATA_DUPLICATES, approvedBy: Dana Reyes, reason: r, approvedOn: 2026-05-15,"
        + " until: 2026-05-14 }"))
        .containsExactly("5: waivers[0].until: (2026-05-14) must not be before approvedOn (2026-05-15): a waiver"
            + " ends after it is approved");
  }

  @Test
  void datesAreRequired_andSaneLikeEveryOtherDate() {
    assertThat(problems(
        "{ code: DATA_DUPLICATES, approvedBy: Dana Reyes, reason: r }",
        "{ code: DATA_DUPLICATES, approvedBy: Dana Reyes, reason: r, approvedOn: 1026-05-15, until: 2026-13-01 }",
        "{ code: DATA_DUPLICATES, approvedBy: Dana Reyes, reason: r, approvedOn: 2016-05-15, until: 2026-07-31 }"))
        .containsExactly(
            "5: waivers[0].approvedOn: is required (an ISO date, YYYY-MM-DD)",
            "5: waivers[0].until: is required (an ISO date, YYYY-MM-DD)",
            "6: waivers[1].until: must be an ISO date (YYYY-MM-DD) but was '2026-13-01'",
            "6: waivers[1].approvedOn: must be a date in the years 1900 to 2200 but was 1026-05-15",
            "7: waivers[2].approvedOn: (2016-05-15) is more than 5 years before the pilot's design started"
                + " (2026-03-02, launchedOn): check the year");
  }

  @Test
  void aCodeTheCatalogueDoesNotKnow_isRefusedWithTheNearestCode() {
    assertThat(problems(OK.replace("DATA_DUPLICATES", "DATA_DUPLICATE"), OK.replace("DATA_DUPLICATES", "ACME_COST")))
        .containsExactly(
            "5: waivers[0].code: must be a finding code of the catalogue but was 'DATA_DUPLICATE'; did you mean"
                + " DATA_DUPLICATES?",
            "6: waivers[1].code: must be a finding code of the catalogue but was 'ACME_COST'; the codes are listed"
                + " in docs/rules.md");
  }

  @Test
  void aCodeNotInUpperSnakeCase_isRefusedQuotingIt() {
    assertThat(problems(OK.replace("DATA_DUPLICATES", "data duplicates")))
        .containsExactly("5: waivers[0].code: must be a finding code in upper snake case (e.g. DATA_DUPLICATES) but"
            + " was 'data duplicates'");
  }

  @Test
  void aCodeThatCallsForKill_isRefusedNamingTheCode() {
    assertThat(problems(OK.replace("DATA_DUPLICATES", "PURGATORY")))
        .containsExactly("5: waivers[0].code: cannot waive PURGATORY: it calls for KILL, and a finding that calls for"
            + " KILL is never waived");
  }

  @Test
  void aCodeThatNeverHoldsTheGate_needsNoWaiver() {
    assertThat(problems(OK.replace("DATA_DUPLICATES", "METRIC_TARGET_MET"),
        OK.replace("DATA_DUPLICATES", "WAIVER_EXPIRED")))
        .containsExactly(
            "5: waivers[0].code: needs no waiver: METRIC_TARGET_MET never holds the gate (it only warns or informs)",
            "6: waivers[1].code: needs no waiver: WAIVER_EXPIRED never holds the gate (it only warns or informs)");
  }

  @Test
  void aBlankSubject_isRefused() {
    assertThat(problems(OK.replace("subject: CRM", "subject: ' '")))
        .containsExactly("5: waivers[0].subject: must not be blank but was ' ': name the data source, device or"
            + " metric, or leave subject out to waive the code for every subject");
  }

  @Test
  void anUnknownField_isRefusedWithTheKnownOnes() {
    assertThat(problems(OK.replace("reason:", "reasons:")))
        .first().asString().startsWith("5: waivers[0].reasons: unknown field; known fields here: approvedBy,"
            + " approvedOn, code, reason, subject, until; did you mean reason?");
  }

  @Test
  void aScenarioPilotWithAKillWaiver_isRefusedByTheScenarioReaderToo() {
    String scenario = """
        name: x
        asOf: 2026-06-01
        pilot:
          id: x
          stage: DATA_AUDIT
          waivers:
            - { code: PURGATORY, approvedBy: A, reason: r, approvedOn: 2026-05-01, until: 2026-06-30 }
        expect: { outcome: HOLD }
        """;
    assertThatThrownBy(() -> ScenarioReader.create().read(scenario, "s.yaml", null))
        .isInstanceOf(PilotValidationException.class)
        .hasMessageContaining("pilot.waivers[0].code: cannot waive PURGATORY: it calls for KILL");
  }

  @Test
  void inCode_theModelRefusesWhatTheReaderRefuses() {
    assertThatThrownBy(() -> new Waiver("DATA_DUPLICATES", null, null, "r", LocalDate.of(2026, 5, 2),
        LocalDate.of(2026, 5, 1)))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("approvedBy is required (a non-blank text)")
        .hasMessageContaining("until (2026-05-01) must not be before approvedOn (2026-05-02)");
    Pilot p = Pilot.builder("x", Stage.DATA_AUDIT)
        .waiver(new Waiver("DATA_DUPLICATES", "CRM", "A", "r", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1)))
        .build();
    assertThat(p.toBuilder().build().waivers()).hasSize(1);
    assertThat(new Pilot("x", null, Stage.DATA_AUDIT, null, null, null, null, null, null, null, null, null, null, null,
        null).waivers()).isEmpty();
  }

  @SuppressWarnings("unused")
  private static DocumentProblem unused;
}
