package dev.pilotgate.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.AdoptionSnapshot;
import dev.pilotgate.decision.DecisionWarning;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.io.PilotReader.Format;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.InvalidFieldException;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.RecordedDecision;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.UsageRecord;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document rules of issue 12 seen from a document to a decision: user ids matched trimmed and
 * ignoring case, dates in sensible bounds and order, records after the decision day warned about.
 * The single-record messages are in {@link ValidationTableTest} and {@code ModelValidationTest}.
 */
class DocumentRulesTest {
  private static final PilotReader READER = PilotReader.create();
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
  private static GateEvaluator evaluator;

  @BeforeAll
  static void rules() {
    evaluator = GateEvaluator.create();
  }

  @AfterAll
  static void close() {
    evaluator.close();
  }

  static AdoptionSnapshot adoption(Pilot pilot) {
    return evaluator.facts(pilot, AS_OF).stream().filter(AdoptionSnapshot.class::isInstance)
        .map(AdoptionSnapshot.class::cast).findFirst().orElseThrow();
  }

  @Test
  void usage_matchesEarlyAdopters_trimmedAndIgnoringCase() {
    Pilot pilot = READER.read("""
        id: users
        stage: CONTROLLED_ROLLOUT
        launchedOn: 2026-03-01
        rollout:
          startedOn: 2026-04-01
          eligibleUsers: 10
          deployedUsers: 3
          earlyAdopters: ["Maria ", tom, Lee]
        usage:
          - { user: maria, date: 2026-05-30 }
          - { user: MARIA, date: 2026-05-31 }
          - { user: " lee", date: 2026-05-25 }
          - { user: Tom, date: 2026-04-02 }
          - { user: "ana", date: 2026-05-31 }
        """, Format.YAML, "users.yaml");
    AdoptionSnapshot a = adoption(pilot);
    // the names as the rollout writes them; each user once, however written
    assertThat(a.activeEarlyAdopters()).containsExactly("Maria ", "Lee");
    assertThat(a.inactiveEarlyAdopters()).containsExactly("tom");
    assertThat(a.activeUsers()).isEqualTo(3);
  }

  @Test
  void dates_yearsBeforeTheDesign_areRefused_fromTheEarliestDefinition() {
    String doc = """
        id: old
        stage: CONTROLLED_ROLLOUT
        launchedOn: 2026-03-01
        successCriteria:
          - { metric: m, kind: BUSINESS, direction: HIGHER_IS_BETTER, definedOn: 2026-01-10 }
          - { metric: n, kind: BUSINESS, direction: HIGHER_IS_BETTER, definedOn: 2020-01-10 }
        rollout: { startedOn: 2026-04-01, eligibleUsers: 5, deployedUsers: 2 }
        usage:
          - { user: ann, date: 2020-06-01 }
        observations:
          - { metric: m, date: 2021-01-09, value: 1 }
          - { metric: m, date: 2021-01-10, value: 1 }
        decisions:
          - { date: 2016-03-01, stage: DATA_AUDIT, outcome: GO }
        """;
    // the second definition is itself years before the launch, so the design started with the first
    assertThatThrownBy(() -> READER.read(doc, Format.YAML, "old.yaml"))
        .isInstanceOf(PilotValidationException.class)
        .hasMessage(String.join("\n",
            "old.yaml:6: successCriteria[1].definedOn: (2020-01-10) is more than 5 years before launchedOn (2026-03-01):"
                + " check the year",
            "old.yaml:9: usage[0].date: (2020-06-01) is more than 5 years before the pilot's design started (2026-01-10,"
                + " successCriteria[0].definedOn): check the year",
            "old.yaml:11: observations[0].date: (2021-01-09) is more than 5 years before the pilot's design started"
                + " (2026-01-10, successCriteria[0].definedOn): check the year",
            "old.yaml:14: decisions[0].date: (2016-03-01) is more than 5 years before the pilot's design started"
                + " (2026-01-10, successCriteria[0].definedOn): check the year"));
  }

  @Test
  void dates_withoutALaunch_areComparedWithTheEarliestDefinition_deadlinesToo() {
    String doc = """
        id: unlaunched
        stage: DEFINE_CRITERIA
        successCriteria:
          - { metric: m, kind: BUSINESS, direction: HIGHER_IS_BETTER, definedOn: 2026-01-10, deadlineOn: 2016-06-30 }
        """;
    assertThat(READER.validate(doc, Format.YAML, "u.yaml")).extracting(p -> p.line() + ": " + p).containsExactly(
        "4: successCriteria[0].deadlineOn: (2016-06-30) is more than 5 years before the pilot's design started"
            + " (2026-01-10, successCriteria[0].definedOn): check the year");
  }

  @Test
  void dates_outOfBounds_areRefusedForPilotsBuiltInCode() {
    assertThatThrownBy(() -> new UsageRecord("ann", LocalDate.of(9999, 12, 31), 1))
        .hasMessage("date must be a date in the years 1900 to 2200 but was 9999-12-31");
    assertThatThrownBy(() -> Pilot.builder("p", Stage.DATA_AUDIT).launchedOn(LocalDate.of(2026, 3, 1))
        .decision(new RecordedDecision(LocalDate.of(2020, 1, 1), Stage.DATA_AUDIT, GateOutcome.GO)).build())
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.problems()).singleElement()
            .hasToString("decisions[0].date (2020-01-01) is more than 5 years before the pilot's design started"
                + " (2026-03-01, launchedOn): check the year"));
  }

  @Test
  void evaluate_datesAfterTheDecisionDay_areWarnedAboutPartByPart() {
    Pilot pilot = READER.read("""
        id: late
        stage: CONTROLLED_ROLLOUT
        launchedOn: 2026-03-01
        successCriteria:
          - { metric: m, kind: BUSINESS, direction: HIGHER_IS_BETTER, definedOn: 2026-02-20 }
          - { metric: n, kind: BUSINESS, direction: HIGHER_IS_BETTER, definedOn: 2026-06-05 }
        dataSources:
          - { name: CRM, auditedOn: 2026-06-10 }
          - { name: ERP, auditedOn: 2026-05-01 }
        rollout: { startedOn: 2026-06-02, eligibleUsers: 5, deployedUsers: 2, earlyAdopters: [ann] }
        usage:
          - { user: ann, date: 2026-06-03 }
        observations:
          - { metric: m, date: 2026-05-01, value: 1 }
          - { metric: m, date: 2026-07-01, value: 2 }
        decisions:
          - { date: 2026-06-20, stage: DATA_AUDIT, outcome: GO }
        """, Format.YAML, "late.yaml");
    GateDecision decision = evaluator.evaluate(pilot, AS_OF);
    String ignored = " and were ignored; decide as of a later day, or correct their dates";
    assertThat(decision.warnings()).containsExactly(
        new DecisionWarning("DATA_AFTER_AS_OF", "successCriteria", 1, "1 of 2 criterion definitions are dated after"
            + " the decision day 2026-06-01 (the first is successCriteria[1].definedOn, the latest dated 2026-06-05);"
            + " the decision used them as written, though they could not be known that day; decide as of a later day,"
            + " or correct their dates"),
        new DecisionWarning("DATA_AFTER_AS_OF", "dataSources", 1, "1 of 2 data source audits are dated after the"
            + " decision day 2026-06-01 (the first is dataSources[0].auditedOn, the latest dated 2026-06-10) and were"
            + " ignored (those sources count as not audited); decide as of a later day, or correct their dates"),
        new DecisionWarning("DATA_AFTER_AS_OF", "rollout", 1, "the rollout starts after the decision day 2026-06-01"
            + " (rollout.startedOn is 2026-06-02); the decision used it as written, though it could not be known that"
            + " day; decide as of a later day, or correct the date"),
        new DecisionWarning("DATA_AFTER_AS_OF", "usage", 1, "1 of 1 usage records are dated after the decision day"
            + " 2026-06-01 (the first is usage[0], the latest dated 2026-06-03)" + ignored),
        new DecisionWarning("DATA_AFTER_AS_OF", "observations", 1, "1 of 2 observations records are dated after the"
            + " decision day 2026-06-01 (the first is observations[1], the latest dated 2026-07-01)" + ignored),
        new DecisionWarning("DATA_AFTER_AS_OF", "decisions", 1, "1 of 1 decisions records are dated after the"
            + " decision day 2026-06-01 (the first is decisions[0], the latest dated 2026-06-20)" + ignored));
    assertThat(PilotValidator.recordsAfter(pilot, AS_OF)).isEqualTo(decision.warnings());
    assertThat(PilotValidator.recordsAfter(pilot, LocalDate.of(2026, 7, 1))).isEmpty();
  }
}
