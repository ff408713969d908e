package dev.pilotgate.rules;

import static dev.pilotgate.rules.Pilots.AS_OF;
import static dev.pilotgate.rules.Pilots.CRITERIA_DEFINED_ON;
import static dev.pilotgate.rules.Pilots.LAUNCHED_ON;
import static dev.pilotgate.rules.Pilots.clean;
import static dev.pilotgate.rules.Pilots.criterion;
import static dev.pilotgate.rules.Pilots.owner;
import static dev.pilotgate.rules.Pilots.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.policy.Policy;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.MetricKind;
import dev.pilotgate.model.OwnerKind;
import dev.pilotgate.model.Stage;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stage-dependent severity: a criteria, owner or data gap is a BLOCKER (the decision holds)
 * once the pilot has reached the stage whose output it is, and a WARNING (the current gate
 * can still say GO) while that stage is still ahead. The two "cannot be undone" gaps
 * (criteria defined late, owner inherited) are WARNINGs at every stage.
 *
 * <p>Pilots at stages 4-6 are only evaluated here with a blocker present; there the test
 * asserts "at least HOLD", since later rules may legitimately escalate to DIAGNOSE/KILL.
 */
class StageSeverityTest {
  private static final GateEvaluator EVALUATOR = GateEvaluator.create();
  private static final Policy POLICY = EVALUATOR.policy();

  /** One way to break a clean pilot, the rule it trips and the stage whose output it is. */
  record Gap(String rule, String code, Stage outputStage, UnaryOperator<Pilots.PilotSpec> breaker) {
    @Override
    public String toString() {
      return rule;
    }
  }

  static final List<Gap> STAGED_GAPS = List.of(
      new Gap("CRITERIA_MISSING", "CRITERIA_MISSING", Stage.DEFINE_CRITERIA, Pilots.PilotSpec::noCriteria),
      new Gap("CRITERIA_INCOMPLETE", "CRITERIA_INCOMPLETE", Stage.DEFINE_CRITERIA,
          p -> p.criteria(criterion().deadlineOn(null))),
      new Gap("CRITERIA_TARGET_NOT_BETTER", "CRITERIA_TARGET_NOT_BETTER", Stage.DEFINE_CRITERIA,
          p -> p.criteria(criterion().baseline(0.5).target(0.5))),
      new Gap("CRITERIA_TECHNOLOGY_ONLY", "CRITERIA_TECHNOLOGY_ONLY", Stage.DEFINE_CRITERIA,
          p -> p.criteria(criterion().metric("model_accuracy").kind(MetricKind.TECHNOLOGY))),
      new Gap("OWNER_MISSING", "OWNER_MISSING", Stage.ACTIVATE_OWNER, Pilots.PilotSpec::noOwner),
      new Gap("OWNER_DIFFUSE", "OWNER_DIFFUSE", Stage.ACTIVATE_OWNER,
          p -> p.owner(owner().name("IT department").kind(OwnerKind.IT))),
      new Gap("OWNER_NOT_ACCOUNTABLE", "OWNER_NOT_ACCOUNTABLE", Stage.ACTIVATE_OWNER,
          p -> p.owner(owner().accountable(false))),
      new Gap("DATA_NO_SOURCES", "DATA_NO_SOURCES", Stage.DATA_AUDIT, Pilots.PilotSpec::noSources),
      new Gap("DATA_NOT_AUDITED: never audited", "DATA_NOT_AUDITED", Stage.DATA_AUDIT,
          p -> p.source(source().auditedOn(null))),
      new Gap("DATA_NOT_AUDITED: audit too old", "DATA_NOT_AUDITED", Stage.DATA_AUDIT,
          p -> p.source(source().auditedOn(AS_OF.minusDays(POLICY.getInt("data.audit.maxAgeDays") + 1L)))),
      new Gap("DATA_NOT_AUDITED: nothing measured", "DATA_NOT_AUDITED", Stage.DATA_AUDIT,
          p -> p.source(source().duplicateRate(null))),
      new Gap("DATA_DUPLICATES", "DATA_DUPLICATES", Stage.DATA_AUDIT,
          p -> p.source(source().duplicateRate(POLICY.get("data.duplicateRate.max") + 0.001))),
      new Gap("DATA_MISSING_HISTORY", "DATA_MISSING_HISTORY", Stage.DATA_AUDIT,
          p -> p.source(source().missingHistoryMonths(POLICY.getInt("data.missingHistoryMonths.max") + 1))),
      new Gap("DATA_INCONSISTENT_FORMATS", "DATA_INCONSISTENT_FORMATS", Stage.DATA_AUDIT,
          p -> p.source(source().inconsistentFormatRate(POLICY.get("data.inconsistentFormatRate.max") + 0.001))),
      new Gap("DATA_SENSOR_BIAS", "DATA_SENSOR_BIAS", Stage.DATA_AUDIT,
          p -> p.source(source().device("machine-7", POLICY.get("data.sensorOffset.max") + 0.001))),
      new Gap("DATA_CURATED_FOR_DEMO", "DATA_CURATED_FOR_DEMO", Stage.DATA_AUDIT,
          p -> p.source(source().curatedForDemo(true))),
      new Gap("DATA_NO_GOVERNANCE", "DATA_NO_GOVERNANCE", Stage.DATA_AUDIT,
          p -> p.source(source().governanceDocumented(false))));

  static final List<Gap> ALWAYS_WARNING_GAPS = List.of(
      new Gap("CRITERIA_DEFINED_LATE", "CRITERIA_DEFINED_LATE", null,
          p -> p.criteria(criterion().definedOn(LAUNCHED_ON.plusDays(1)))),
      new Gap("OWNER_INHERITED", "OWNER_INHERITED", null,
          p -> p.owner(owner().involvedSince(CRITERIA_DEFINED_ON.plusDays(1)))));

  /** The stages that have a gate rule today: a clean pilot there gets a decision. */
  static final List<Stage> GATED_STAGES = List.of(Stage.DEFINE_CRITERIA, Stage.ACTIVATE_OWNER, Stage.DATA_AUDIT);

  static Stream<Arguments> gapsAtOrAfterTheirStage() {
    return STAGED_GAPS.stream().flatMap(g -> Arrays.stream(Stage.values())
        .filter(s -> s.isAtOrAfter(g.outputStage()))
        .map(s -> Arguments.of(g, s)));
  }

  static Stream<Arguments> gapsBeforeTheirStage() {
    return STAGED_GAPS.stream().flatMap(g -> Arrays.stream(Stage.values())
        .filter(s -> !s.isAtOrAfter(g.outputStage()))
        .map(s -> Arguments.of(g, s)));
  }

  static Stream<Arguments> alwaysWarningGapsAtGatedStages() {
    return ALWAYS_WARNING_GAPS.stream().flatMap(g -> GATED_STAGES.stream().map(s -> Arguments.of(g, s)));
  }

  static Stream<Arguments> alwaysWarningGapsAtLaterStages() {
    return ALWAYS_WARNING_GAPS.stream().flatMap(g -> Arrays.stream(Stage.values())
        .filter(s -> !GATED_STAGES.contains(s))
        .map(s -> Arguments.of(g, s)));
  }

  private static GateDecision decide(Gap gap, Stage stage) {
    return EVALUATOR.evaluate(gap.breaker().apply(clean(stage)).build(), AS_OF);
  }

  private static Finding findingOf(GateDecision d, Gap gap) {
    List<Finding> matching = d.findings().stream().filter(f -> f.rule().equals(gap.rule())).toList();
    assertThat(matching).as("findings of rule %s in %s", gap.rule(), Pilots.codes(d)).hasSize(1);
    assertThat(matching.get(0).code()).isEqualTo(gap.code());
    return matching.get(0);
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("gapsAtOrAfterTheirStage")
  void stagedGap_atOrAfterItsStage_isBlockerAndHolds(Gap gap, Stage stage) {
    GateDecision d = decide(gap, stage);

    Finding f = findingOf(d, gap);
    if (stage == Stage.PRODUCTION) {
      // production is never held: the gap is a warning with the date it must be closed by
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.outcome()).isNull();
      assertThat(f.evidence()).containsEntry("dueOn",
          AS_OF.plusDays(EVALUATOR.policy().getInt("production.upkeepDays")).toString());
      assertThat(d.outcome()).isNotEqualTo(GateOutcome.HOLD);
      return;
    }
    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
    assertThat(f.outcome()).isEqualTo(GateOutcome.HOLD);
    assertThat(d.nextStage()).isNull();
    assertThat(d.findings()).noneMatch(x -> x.outcome() == GateOutcome.GO);
    if (GATED_STAGES.contains(stage)) {
      assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
    } else {
      assertThat(d.outcome().precedence()).isGreaterThanOrEqualTo(GateOutcome.HOLD.precedence());
    }
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("gapsBeforeTheirStage")
  void stagedGap_beforeItsStage_isWarningAndStillGo(Gap gap, Stage stage) {
    GateDecision d = decide(gap, stage);

    Finding f = findingOf(d, gap);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.outcome()).isNull();
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
    assertThat(d.nextStage()).isEqualTo(stage.next().orElseThrow());
    assertThat(d.readiness().gaps()).contains(gap.code());
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("alwaysWarningGapsAtGatedStages")
  void cannotBeUndoneGap_atAnyGatedStage_isWarningAndStillGo(Gap gap, Stage stage) {
    GateDecision d = decide(gap, stage);

    Finding f = findingOf(d, gap);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.outcome()).isNull();
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
    assertThat(d.nextStage()).isEqualTo(stage.next().orElseThrow());
    assertThat(d.readiness().gaps()).contains(gap.code());
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("alwaysWarningGapsAtLaterStages")
  void cannotBeUndoneGap_atLaterStageBesideABlocker_staysWarning(Gap gap, Stage stage) {
    // a missing data source is the blocker that makes a stage 4-6 pilot decidable today
    GateDecision d = EVALUATOR.evaluate(gap.breaker().apply(clean(stage).noSources()).build(), AS_OF);

    Finding f = findingOf(d, gap);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.outcome()).isNull();
    // in production the missing source is itself only a warning with a due date: the system runs on
    if (stage == Stage.PRODUCTION) {
      assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
    } else {
      assertThat(d.outcome()).isNotEqualTo(GateOutcome.GO);
    }
  }
}
