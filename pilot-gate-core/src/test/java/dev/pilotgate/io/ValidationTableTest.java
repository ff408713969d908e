package dev.pilotgate.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.DecisionWarning;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.io.PilotReader.Format;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.UsageRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of malformed documents: for each, the exact set of problems the reader reports
 * ({@code line: path: message}), all at once, and no pilot.
 */
class ValidationTableTest {
  private static final PilotReader READER = PilotReader.create();

  /** A valid document touching every part; each case breaks it by replacing text. */
  static final String VALID = """
      id: crm-assistant
      stage: CONTROLLED_ROLLOUT
      launchedOn: 2026-01-05
      plannedEndOn: 2026-06-30
      successCriteria:
        - metric: hours_saved
          kind: BUSINESS
          baseline: 10
          target: 40
          direction: HIGHER_IS_BETTER
          deadlineOn: 2026-05-31
      owner: { name: Dana, kind: INDIVIDUAL, accountable: true }
      dataSources:
        - { name: CRM, auditedOn: 2025-12-20, duplicateRate: 0.01, missingHistoryMonths: 0, inconsistentFormatRate: 0.01 }
      rollout:
        startedOn: 2026-01-10
        eligibleUsers: 49
        deployedUsers: 5
        earlyAdopters: [ann, bo, cy]
      usage:
        - { user: ann, date: 2026-02-02, sessions: 3 }
      observations:
        - { metric: hours_saved, date: 2026-01-15, value: 12 }
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("missing required id", "id: crm-assistant\n", "",
            List.of("1: id: is required (a non-blank text)")),
        Arguments.of("missing required stage", "stage: CONTROLLED_ROLLOUT\n", "", List.of(
            "1: stage: is required (one of [DEFINE_CRITERIA, ACTIVATE_OWNER, DATA_AUDIT, CONTROLLED_ROLLOUT,"
                + " ORG_WIDE_ADOPTION, PRODUCTION])")),
        Arguments.of("missing required part of a list element", "{ user: ann, date", "{ date", List.of(
            "21: usage[0].user: is required (a non-blank text)")),
        Arguments.of("missing required number", "  eligibleUsers: 49\n", "", List.of(
            "16: rollout.eligibleUsers: is required (a whole number)")),
        Arguments.of("rate above 1", "duplicateRate: 0.01", "duplicateRate: 1.5", List.of(
            "14: dataSources[0].duplicateRate: must be between 0 and 1 but was 1.5")),
        Arguments.of("negative rate", "inconsistentFormatRate: 0.01", "inconsistentFormatRate: -0.2", List.of(
            "14: dataSources[0].inconsistentFormatRate: must be between 0 and 1 but was -0.2")),
        Arguments.of("negative count", "missingHistoryMonths: 0", "missingHistoryMonths: -2", List.of(
            "14: dataSources[0].missingHistoryMonths: must not be negative but was -2")),
        Arguments.of("range with min above max", "deadlineOn: 2026-05-31\n",
            "deadlineOn: 2026-05-31\n    range: { min: 50, max: 10 }\n", List.of(
            "12: successCriteria[0].range.max: (10.0) must be above min (50.0)")),
        Arguments.of("range with no bound", "deadlineOn: 2026-05-31\n",
            "deadlineOn: 2026-05-31\n    range: {}\n", List.of("12: successCriteria[0].range.min: is required, or max: give the lowest value the metric can take (min),"
            + " the highest (max), or both")),
        Arguments.of("target outside the range", "deadlineOn: 2026-05-31\n",
            "deadlineOn: 2026-05-31\n    range: { min: 0, max: 30 }\n", List.of(
            "9: successCriteria[0].target: (40.0) must lie within the range (min 0.0, max 30.0)")),
        Arguments.of("NaN", "baseline: 10", "baseline: .nan", List.of(
            "8: successCriteria[0].baseline: must be a finite number but was .nan")),
        Arguments.of("infinite", "target: 40", "target: -.inf", List.of(
            "9: successCriteria[0].target: must be a finite number but was -.inf")),
        Arguments.of("deployed above eligible", "deployedUsers: 5", "deployedUsers: 50", List.of(
            "18: rollout.deployedUsers: (50) must not exceed eligibleUsers (49)")),
        Arguments.of("duplicate early adopters", "[ann, bo, cy]", "[ann, bo, ann, cy, bo]", List.of(
            "19: rollout.earlyAdopters[2]: repeats 'ann' (also earlyAdopters[0]); list each early adopter once",
            "19: rollout.earlyAdopters[4]: repeats 'bo' (also earlyAdopters[1]); list each early adopter once")),
        Arguments.of("early adopters repeated in another case or with spaces", "[ann, bo, cy]",
            "[ann, 'Bo ', ANN, cy, bo]", List.of(
            "19: rollout.earlyAdopters[2]: repeats 'ANN' (also earlyAdopters[0] 'ann'; user names are compared trimmed"
                + " and ignoring case); list each early adopter once",
            "19: rollout.earlyAdopters[4]: repeats 'bo' (also earlyAdopters[1] 'Bo '; user names are compared trimmed"
                + " and ignoring case); list each early adopter once")),
        Arguments.of("launched after planned end", "plannedEndOn: 2026-06-30", "plannedEndOn: 2025-06-30", List.of(
            "3: launchedOn: (2026-01-05) must not be after plannedEndOn (2025-06-30)")),
        Arguments.of("deadline before launch", "deadlineOn: 2026-05-31", "deadlineOn: 2025-12-31", List.of(
            "11: successCriteria[0].deadlineOn: (2025-12-31) must not be before launchedOn (2026-01-05):"
                + " a deadline falls after the launch")),
        Arguments.of("year 0", "startedOn: 2026-01-10", "startedOn: 0000-01-10", List.of(
            "16: rollout.startedOn: must be a date in the years 1900 to 2200 but was 0000-01-10")),
        Arguments.of("year 9999, not compared with the launch", "plannedEndOn: 2026-06-30", "plannedEndOn: 9999-12-31",
            List.of("4: plannedEndOn: must be a date in the years 1900 to 2200 but was 9999-12-31")),
        Arguments.of("year 2201 in a list", "deadlineOn: 2026-05-31", "deadlineOn: 2201-05-31", List.of(
            "11: successCriteria[0].deadlineOn: must be a date in the years 1900 to 2200 but was 2201-05-31")),
        Arguments.of("criterion defined years before the launch", "deadlineOn: 2026-05-31",
            "deadlineOn: 2026-05-31\n    definedOn: 2016-01-02", List.of(
            "12: successCriteria[0].definedOn: (2016-01-02) is more than 5 years before launchedOn (2026-01-05): check"
                + " the year")),
        Arguments.of("audit years before the design", "auditedOn: 2025-12-20", "auditedOn: 2019-12-20", List.of(
            "14: dataSources[0].auditedOn: (2019-12-20) is more than 5 years before the pilot's design started"
                + " (2026-01-05, launchedOn): check the year")),
        Arguments.of("rollout years before the design", "startedOn: 2026-01-10", "startedOn: 2020-01-10", List.of(
            "16: rollout.startedOn: (2020-01-10) is more than 5 years before the pilot's design started (2026-01-05,"
                + " launchedOn): check the year")),
        Arguments.of("usage years before the design", "date: 2026-02-02", "date: 2016-02-02", List.of(
            "21: usage[0].date: (2016-02-02) is more than 5 years before the pilot's design started (2026-01-05,"
                + " launchedOn): check the year")),
        Arguments.of("unknown enum name", "kind: BUSINESS", "kind: business", List.of(
            "7: successCriteria[0].kind: must be one of [BUSINESS, TECHNOLOGY] but was 'business';"
                + " did you mean BUSINESS?")),
        Arguments.of("unknown field", "deployedUsers: 5", "deployedUsers: 5\n  deployedOn: 2026-01-10", List.of(
            "19: rollout.deployedOn: unknown field; known fields here: deployedUsers, earlyAdopters, eligibleUsers,"
                + " legacyProcessInUse, startedOn")),
        Arguments.of("text where a number belongs", "target: 40", "target: \"40\"", List.of(
            "9: successCriteria[0].target: must be a number but was '40': write the number without quotes")),
        Arguments.of("number where a text belongs", "name: Dana", "name: 7", List.of(
            "12: owner.name: must be a text but was 7: quote it ('7') if it is meant as text")),
        Arguments.of("list where an object belongs", "owner: { name: Dana, kind: INDIVIDUAL, accountable: true }",
            "owner: [Dana]", List.of("12: owner: must be an object with the fields accountable, involvedSince, kind,"
                + " name, role but was a list")),
        Arguments.of("fraction where a whole number belongs", "eligibleUsers: 49", "eligibleUsers: 49.5", List.of(
            "17: rollout.eligibleUsers: must be a whole number but was 49.5")),
        Arguments.of("malformed date", "startedOn: 2026-01-10", "startedOn: 2026-02-30", List.of(
            "16: rollout.startedOn: must be an ISO date (YYYY-MM-DD) but was '2026-02-30'")),
        Arguments.of("hexadecimal number", "eligibleUsers: 49", "eligibleUsers: 0x31", List.of(
            "17: rollout.eligibleUsers: must be a decimal number but was 0x31, a hexadecimal number: write 49")),
        Arguments.of("octal number (YAML 1.2)", "target: 40", "target: 0o50", List.of(
            "9: successCriteria[0].target: must be a decimal number but was 0o50, an octal number: write 40")),
        Arguments.of("octal number (YAML 1.1)", "missingHistoryMonths: 0", "missingHistoryMonths: 010", List.of(
            "14: dataSources[0].missingHistoryMonths: must be a decimal number without a leading zero but was 010, which"
                + " YAML 1.1 reads as octal (8) and YAML 1.2 as 10: write the one meant without the 0")),
        Arguments.of("leading zero that is not octal", "deployedUsers: 5", "deployedUsers: 05.0", List.of(
            "18: rollout.deployedUsers: must be a decimal number without a leading zero but was 05.0: write 5.0")),
        Arguments.of("binary number", "sessions: 3", "sessions: 0b11", List.of(
            "21: usage[0].sessions: must be a decimal number but was 0b11, a binary number: write 3")),
        Arguments.of("number with underscores", "baseline: 10", "baseline: 1_0", List.of(
            "8: successCriteria[0].baseline: must be a number without underscores but was 1_0: write 10")),
        Arguments.of("a key given twice", "stage: CONTROLLED_ROLLOUT\n", "stage: CONTROLLED_ROLLOUT\nid: other\n",
            List.of("3: id: is given twice (first on line 1, again on line 3); give each field once")),
        Arguments.of("several at once", VALID, """
            stage: ROLLOUT
            launchedOn: 2026-01-05
            plannedEndOn: 2025-01-05
            successCriteria:
              - { metric: hours_saved, kind: BUSINESS, baseline: abc, direction: HIGHER_IS_BETTER, deadlineOn: 2025-12-01 }
            owner: { name: Dana, kind: VENDORS, accountable: maybe }
            dataSources:
              - { name: CRM, duplicateRate: 2, missingHistoryMonths: -1 }
            rollout: { startedOn: 2026-01-10, eligibleUsers: 3, deployedUsers: 4, earlyAdopters: [ann, ann] }
            colour: blue
            """, List.of(
            "1: id: is required (a non-blank text)",
            "1: stage: must be one of [DEFINE_CRITERIA, ACTIVATE_OWNER, DATA_AUDIT, CONTROLLED_ROLLOUT,"
                + " ORG_WIDE_ADOPTION, PRODUCTION] but was 'ROLLOUT'",
            "2: launchedOn: (2026-01-05) must not be after plannedEndOn (2025-01-05)",
            "5: successCriteria[0].baseline: must be a number but was 'abc': write the number without quotes",
            "5: successCriteria[0].deadlineOn: (2025-12-01) must not be before launchedOn (2026-01-05):"
                + " a deadline falls after the launch",
            "6: owner.kind: must be one of [INDIVIDUAL, COMMITTEE, IT, VENDOR] but was 'VENDORS'",
            "6: owner.accountable: must be true or false but was 'maybe'",
            "8: dataSources[0].duplicateRate: must be between 0 and 1 but was 2.0",
            "8: dataSources[0].missingHistoryMonths: must not be negative but was -1",
            "9: rollout.deployedUsers: (4) must not exceed eligibleUsers (3)",
            "9: rollout.earlyAdopters[1]: repeats 'ann' (also earlyAdopters[0]); list each early adopter once",
            "10: colour: unknown field; known fields here: dataSources, decisions, id, implementationBudget,"
                + " launchedOn, name, observations, owner, plannedEndOn, playbook, rollout, softwareMonthlyCost,"
                + " stage, successCriteria, usage, waivers")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void read_malformedDocument_reportsExactlyTheseProblems_andNoPilot(String name, String original, String replacement,
      List<String> expected) {
    assertThat(VALID).contains(original);
    String doc = VALID.replace(original, replacement);
    assertThatThrownBy(() -> READER.read(doc, Format.YAML, "crm.yaml"))
        .isInstanceOfSatisfying(PilotValidationException.class, e -> {
          assertThat(e.problems()).extracting(p -> p.line() + ": " + p)
              .containsExactlyInAnyOrderElementsOf(expected);
          assertThat(e.source()).isEqualTo("crm.yaml");
          assertThat(e.getMessage().lines()).hasSize(expected.size()).allMatch(l -> l.startsWith("crm.yaml:"));
        });
    assertThat(READER.validate(doc, Format.YAML, "crm.yaml")).extracting(p -> p.line() + ": " + p)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void read_validDocument_hasNoProblem() {
    assertThat(READER.validate(VALID, Format.YAML, "crm.yaml")).isEmpty();
    assertThat(READER.read(VALID, Format.YAML, "crm.yaml").id()).isEqualTo("crm-assistant");
  }

  @Test
  void read_problem_quotesTheValueAsWritten() {
    String doc = VALID.replace("duplicateRate: 0.01", "duplicateRate: 1.50");
    assertThat(READER.validate(doc, Format.YAML, "crm.yaml")).singleElement().satisfies(p -> {
      assertThat(p.source()).isEqualTo("crm.yaml");
      assertThat(p.path()).isEqualTo("dataSources[0].duplicateRate");
      assertThat(p.value()).isEqualTo("1.50");
      assertThat(p.line()).isEqualTo(14);
    });
  }

  @Test
  void read_jsonNaNAndHugeNumbers_areNamedByField() {
    String json = "{\"id\": \"a\", \"stage\": \"DATA_AUDIT\", \"dataSources\": [{\"name\": \"CRM\","
        + " \"duplicateRate\": NaN, \"deviceOffsets\": {\"m7\": 1e400}}]}";
    assertThat(READER.validate(json, Format.JSON, "a.json")).extracting(Object::toString).containsExactly(
        "dataSources[0].duplicateRate: must be a finite number but was NaN",
        "dataSources[0].deviceOffsets.m7: must be a finite number but was Infinity");
  }

  @Test
  void read_numbersInOtherBasesInJson_areNotWellFormed() {
    for (String[] c : new String[][] {
        {"0x1A", "is not well-formed JSON: Unexpected character ('x' (code 120)): was expecting comma to separate Object"
            + " entries"},
        {"017", "is not well-formed JSON: Invalid numeric value: Leading zeroes not allowed"},
        {"1_000", "is not well-formed JSON: Unexpected character ('_' (code 95)): was expecting comma to separate Object"
            + " entries"},
        {"+12", "is not well-formed JSON: Unexpected character ('+' (code 43)) in numeric value: JSON spec does not allow"
            + " numbers to have plus signs: enable `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow"}}) {
      String json = "{\"id\": \"a\", \"stage\": \"DATA_AUDIT\",\n \"softwareMonthlyCost\": " + c[0] + "}";
      assertThat(READER.validate(json, Format.JSON, "a.json")).extracting(p -> p.line() + ": " + p)
          .as(c[0]).containsExactly("2: softwareMonthlyCost: " + c[1]);
    }
    // quoted, the same texts are named as numbers in other bases
    assertThat(READER.validate("{\"id\": \"a\", \"stage\": \"DATA_AUDIT\", \"softwareMonthlyCost\": \"0x1A\"}",
        Format.JSON, "a.json")).extracting(Object::toString).containsExactly(
        "softwareMonthlyCost: must be a decimal number but was 0x1A, a hexadecimal number: write 26");
  }

  @Test
  void read_leadingPlusAndNonFiniteNumbersInYaml() {
    Pilot pilot = READER.read(VALID.replace("baseline: 10", "baseline: +10").replace("eligibleUsers: 49",
        "eligibleUsers: +49"), Format.YAML, "crm.yaml");
    assertThat(pilot.successCriteria().get(0).baseline()).isEqualTo(10.0);
    assertThat(pilot.rollout().eligibleUsers()).isEqualTo(49);
    for (String v : List.of(".inf", "+.inf", "-.Inf", ".NaN", ".NAN")) {
      assertThat(READER.validate(VALID.replace("baseline: 10", "baseline: " + v), Format.YAML, "crm.yaml"))
          .extracting(p -> p.line() + ": " + p)
          .containsExactly("8: successCriteria[0].baseline: must be a finite number but was " + v);
    }
    // a number in another base where a text belongs is a text to quote, as any number is
    assertThat(READER.validate(VALID.replace("name: Dana", "name: 0x1A"), Format.YAML, "crm.yaml"))
        .extracting(Object::toString)
        .containsExactly("owner.name: must be a text but was 0x1A: quote it ('0x1A') if it is meant as text");
  }

  @Test
  void readAll_duplicateIds_nameEveryPair(@TempDir Path dir) throws IOException {
    for (String f : List.of("a", "b", "c")) {
      Files.writeString(dir.resolve(f + ".yaml"), "stage: DATA_AUDIT\nid: same\n");
    }
    Files.writeString(dir.resolve("d.yaml"), "id: other\nstage: DATA_AUDIT\n");
    Files.writeString(dir.resolve("e.yaml"), "id: other\nstage: DATA_AUDIT\n");
    Files.writeString(dir.resolve("f.yaml"), "id: broken\nstage: NOPE\n");
    assertThatThrownBy(() -> READER.readAll(List.of(dir)))
        .isInstanceOfSatisfying(PilotValidationException.class, e -> assertThat(e.problems())
            .extracting(p -> Path.of(p.source()).getFileName() + ":" + p.line() + ": " + p.message()
                .replace(dir + "/", ""))
            .containsExactly(
                "b.yaml:2: pilot id 'same' is already used by a.yaml; ids must be unique in a portfolio: give this"
                    + " pilot another id",
                "c.yaml:2: pilot id 'same' is already used by a.yaml and b.yaml; ids must be unique in a portfolio:"
                    + " give this pilot another id",
                "e.yaml:1: pilot id 'other' is already used by d.yaml; ids must be unique in a portfolio: give this"
                    + " pilot another id",
                "f.yaml:2: must be one of [DEFINE_CRITERIA, ACTIVATE_OWNER, DATA_AUDIT, CONTROLLED_ROLLOUT,"
                    + " ORG_WIDE_ADOPTION, PRODUCTION] but was 'NOPE'"));
  }

  @Test
  void duplicateIds_ofPilotsBuiltInCode_nameEveryPair() {
    List<Pilot> pilots = List.of(Pilot.builder("x", Stage.DATA_AUDIT).build(), Pilot.builder("y", Stage.DATA_AUDIT).build(),
        Pilot.builder("x", Stage.PRODUCTION).build());
    assertThat(PilotValidator.duplicateIds(pilots)).extracting(Object::toString).containsExactly(
        "[2].id: pilot id 'x' is already used by [0]; ids must be unique in a portfolio: give this pilot another id");
    assertThatThrownBy(() -> PilotValidator.requireUniqueIds(pilots)).isInstanceOf(PilotValidationException.class)
        .hasMessageStartingWith("portfolio: [2].id: pilot id 'x'");
  }

  @Test
  void evaluate_recordsAfterAsOf_areIgnoredAndReportedAsWarnings() {
    GateEvaluator evaluator = GateEvaluator.create();
    Pilot pilot = READER.read(VALID, Format.YAML, "crm.yaml");
    LocalDate asOf = LocalDate.of(2026, 2, 1);
    Pilot withLate = pilot.toBuilder()
        .usage(new UsageRecord("bo", LocalDate.of(2026, 2, 10), 1))
        .usage(new UsageRecord("cy", LocalDate.of(2026, 3, 1), 1))
        .build();
    GateDecision decision = evaluator.evaluate(withLate, asOf);
    assertThat(decision.warnings()).containsExactly(
        new DecisionWarning("DATA_AFTER_AS_OF", "usage", 3, "3 of 3 usage records are dated after the decision day"
            + " 2026-02-01 (the first is usage[0], the latest dated 2026-03-01) and were ignored; decide as of a later"
            + " day, or correct their dates"));
    // ignored: but for the warning, the decision is the one without the added late records
    assertThat(decision.withWarnings(List.of())).isEqualTo(evaluator.evaluate(pilot, asOf).withWarnings(List.of()));
    assertThat(decision.findings()).noneMatch(f -> f.code().equals("DATA_AFTER_AS_OF"));
    assertThat(evaluator.evaluate(pilot, LocalDate.of(2026, 6, 1)).warnings()).isEmpty();
  }
}
