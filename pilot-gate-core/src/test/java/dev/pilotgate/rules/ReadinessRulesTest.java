package dev.pilotgate.rules;

import static dev.pilotgate.rules.Pilots.AS_OF;
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
import dev.pilotgate.decision.Readiness;
import dev.pilotgate.decision.ReadinessLevel;
import dev.pilotgate.decision.Severity;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.OwnerKind;
import dev.pilotgate.model.Stage;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * readiness.drl: readiness from the distinct criteria/owner/data finding codes that are not
 * INFO. 0 gaps HIGH, 1 to {@code readiness.medium.maxGaps} MEDIUM, more LOW; the weeks remaining
 * from the stage (the phases ahead plus the level's remediation, from the policy), with the window
 * of dates they give; TIMELINE_UNREALISTIC when a date agreed for the outcome comes before it.
 */
class ReadinessRulesTest {
  private static final GateEvaluator EVALUATOR = GateEvaluator.create();
  private static final Policy POLICY = EVALUATOR.policy();

  /** The parts of a pilot that gaps break; several gaps can break the same part. */
  static final class Parts {
    final Pilots.CriterionSpec criterion = criterion();
    final Pilots.OwnerSpec owner = owner();
    final Pilots.SourceSpec source = source();

    Pilots.PilotSpec pilot(Stage stage) {
      return clean(stage).criteria(criterion).owner(owner).source(source);
    }
  }

  /** One distinct gap code and how to cause it; each combines with all the others. */
  record GapMaker(String code, Consumer<Parts> apply) {}

  /** Distinct gaps, each a WARNING at DEFINE_CRITERIA (so that gate still says GO). */
  static final List<GapMaker> GAPS = List.of(
      new GapMaker("DATA_DUPLICATES", p -> p.source.duplicateRate(POLICY.get("data.duplicateRate.max") + 0.001)),
      new GapMaker("OWNER_NOT_ACCOUNTABLE", p -> p.owner.accountable(false)),
      new GapMaker("CRITERIA_DEFINED_LATE", p -> p.criterion.definedOn(LAUNCHED_ON.plusDays(1))),
      new GapMaker("DATA_NO_GOVERNANCE", p -> p.source.governanceDocumented(false)),
      new GapMaker("OWNER_DIFFUSE", p -> p.owner.kind(OwnerKind.VENDOR)),
      new GapMaker("DATA_CURATED_FOR_DEMO", p -> p.source.curatedForDemo(true)),
      new GapMaker("DATA_MISSING_HISTORY",
          p -> p.source.missingHistoryMonths(POLICY.getInt("data.missingHistoryMonths.max") + 1)),
      new GapMaker("DATA_INCONSISTENT_FORMATS",
          p -> p.source.inconsistentFormatRate(POLICY.get("data.inconsistentFormatRate.max") + 0.001)),
      new GapMaker("DATA_SENSOR_BIAS", p -> p.source.device("machine-7", POLICY.get("data.sensorOffset.max") + 0.001)),
      new GapMaker("OWNER_INHERITED", p -> p.owner.involvedSince(LAUNCHED_ON.plusDays(1))),
      new GapMaker("DATA_NOT_AUDITED", p -> p.source.auditedOn(null)));

  private static int maxGaps() {
    return POLICY.getInt("readiness.medium.maxGaps");
  }

  /** Far enough out that no readiness makes the timeline unrealistic. */
  private static final java.time.LocalDate FAR = AS_OF.plusYears(1);

  /** A DEFINE_CRITERIA pilot with the first {@code n} gaps, and a timeline a year out. */
  private static GateDecision withGaps(int n) {
    assertThat(n).as("this test knows %d distinct gaps", GAPS.size()).isLessThanOrEqualTo(GAPS.size());
    Parts parts = new Parts();
    parts.criterion.deadlineOn(FAR);
    GAPS.subList(0, n).forEach(g -> g.apply().accept(parts));
    return EVALUATOR.evaluate(parts.pilot(Stage.DEFINE_CRITERIA).plannedEndOn(FAR).build(), AS_OF);
  }

  private static List<String> firstCodes(int n) {
    return GAPS.subList(0, n).stream().map(GapMaker::code).sorted().toList();
  }

  /** The level, and the weeks remaining from stages 1 to 3: every phase ahead plus the level's remediation. */
  private static void assertLevel(Readiness r, ReadinessLevel level) {
    assertThat(r.level()).isEqualTo(level);
    assertThat(r.minWeeks()).isEqualTo(phases("minWeeks") + remediation(level, "minWeeks"));
    assertThat(r.maxWeeks()).isEqualTo(phases("maxWeeks") + remediation(level, "maxWeeks"));
    assertThat(r.productionBetween().from()).isEqualTo(AS_OF.plusWeeks(r.minWeeks()));
    assertThat(r.productionBetween().to()).isEqualTo(AS_OF.plusWeeks(r.maxWeeks()));
  }

  private static int phases(String end) {
    return POLICY.getInt("readiness.prep." + end) + POLICY.getInt("readiness.rollout." + end)
        + POLICY.getInt("readiness.production." + end);
  }

  private static int remediation(ReadinessLevel level, String end) {
    return level == ReadinessLevel.HIGH ? 0 : POLICY.getInt("readiness.remediation." + level.name().toLowerCase() + "." + end);
  }

  static IntStream gapCounts() {
    return IntStream.rangeClosed(0, maxGaps() + 2);
  }

  // --- the level follows the number of distinct gaps ---

  @ParameterizedTest(name = "{0} gaps")
  @MethodSource("gapCounts")
  void readiness_distinctGapCount_setsLevelAndPolicyWeeks(int n) {
    GateDecision d = withGaps(n);

    ReadinessLevel expected = n == 0 ? ReadinessLevel.HIGH : n <= maxGaps() ? ReadinessLevel.MEDIUM : ReadinessLevel.LOW;
    assertLevel(d.readiness(), expected);
    assertThat(d.readiness().gaps()).containsExactlyElementsOf(firstCodes(n));
    // every gap is a warning at stage 1: readiness drops, the gate still says GO
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Stage.class, names = {"DEFINE_CRITERIA", "ACTIVATE_OWNER", "DATA_AUDIT"})
  void readinessHigh_cleanPilot_noGapsWithHighWeeks(Stage stage) {
    GateDecision d = EVALUATOR.evaluate(clean(stage).plannedEndOn(FAR).criteria(criterion().deadlineOn(FAR)).build(),
        AS_OF);

    assertLevel(d.readiness(), ReadinessLevel.HIGH);
    assertThat(d.readiness().gaps()).isEmpty();
    assertThat(d.readiness().minWeeks()).isLessThanOrEqualTo(d.readiness().maxWeeks());
  }

  @Test
  void readinessMedium_exactlyMaxGaps_isMedium() {
    assertLevel(withGaps(maxGaps()).readiness(), ReadinessLevel.MEDIUM);
  }

  @Test
  void readinessLow_oneGapOverMax_isLow() {
    GateDecision d = withGaps(maxGaps() + 1);

    assertLevel(d.readiness(), ReadinessLevel.LOW);
    assertThat(d.readiness().gaps()).hasSize(maxGaps() + 1);
  }

  @Test
  void readinessLow_everyKnownGap_isLowAndListsEachCodeOnce() {
    GateDecision d = withGaps(GAPS.size());

    assertLevel(d.readiness(), ReadinessLevel.LOW);
    assertThat(d.readiness().gaps()).containsExactlyElementsOf(firstCodes(GAPS.size()));
  }

  // --- what counts as a gap ---

  @Test
  void readiness_infoGateFinding_doesNotCount() {
    GateDecision d = EVALUATOR.evaluate(clean(Stage.DEFINE_CRITERIA).plannedEndOn(FAR)
        .criteria(criterion().deadlineOn(FAR)).build(), AS_OF);

    // CRITERIA_DEFINED is a SUCCESS_CRITERIA finding, but INFO
    assertThat(d.findings()).extracting(Finding::code, Finding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("CRITERIA_DEFINED", Severity.INFO));
    assertLevel(d.readiness(), ReadinessLevel.HIGH);
  }

  @Test
  void readiness_sameCodeOnTwoSources_countsOnce() {
    double rate = POLICY.get("data.duplicateRate.max") + 0.001;
    GateDecision d = EVALUATOR.evaluate(clean(Stage.DEFINE_CRITERIA).plannedEndOn(FAR)
        .criteria(criterion().deadlineOn(FAR))
        .sources(source().name("CRM").duplicateRate(rate), source().name("ERP").duplicateRate(rate)).build(), AS_OF);

    assertThat(Pilots.all(d, "DATA_DUPLICATES")).hasSize(2);
    assertLevel(d.readiness(), ReadinessLevel.MEDIUM);
    assertThat(d.readiness().gaps()).containsExactly("DATA_DUPLICATES");
  }

  @Test
  void readiness_maxGapsWithOneRepeatedOnTwoSources_staysMedium() {
    // maxGaps distinct codes, but one more finding: the repeated code on a second source
    Parts parts = new Parts();
    parts.criterion.deadlineOn(FAR);
    GAPS.subList(0, maxGaps()).forEach(g -> g.apply().accept(parts));
    GateDecision d = EVALUATOR.evaluate(parts.pilot(Stage.DEFINE_CRITERIA).plannedEndOn(FAR)
        .sources(parts.source, source().name("ERP").duplicateRate(POLICY.get("data.duplicateRate.max") + 0.001))
        .build(), AS_OF);

    assertThat(d.findings()).filteredOn(f -> f.severity() != Severity.INFO).hasSize(maxGaps() + 1);
    assertLevel(d.readiness(), ReadinessLevel.MEDIUM);
    assertThat(d.readiness().gaps()).containsExactlyElementsOf(firstCodes(maxGaps()));
  }

  @Test
  void readiness_sameCodeFromTwoRules_countsOnce() {
    GateDecision d = EVALUATOR.evaluate(clean(Stage.DEFINE_CRITERIA).plannedEndOn(FAR)
        .criteria(criterion().deadlineOn(FAR)).sources(
        source().name("CRM").auditedOn(null),
        source().name("ERP").auditedOn(AS_OF.minusDays(POLICY.getInt("data.audit.maxAgeDays") + 1L))).build(), AS_OF);

    assertThat(Pilots.all(d, "DATA_NOT_AUDITED")).extracting(Finding::rule)
        .containsExactlyInAnyOrder("DATA_NOT_AUDITED: never audited", "DATA_NOT_AUDITED: audit too old");
    assertLevel(d.readiness(), ReadinessLevel.MEDIUM);
    assertThat(d.readiness().gaps()).containsExactly("DATA_NOT_AUDITED");
  }

  @Test
  void readiness_blockerCountsAsGap_holdsWithMedium() {
    GateDecision d = EVALUATOR.evaluate(clean(Stage.DATA_AUDIT).plannedEndOn(FAR).criteria(criterion().deadlineOn(FAR))
        .source(source().duplicateRate(POLICY.get("data.duplicateRate.max") + 0.001)).build(), AS_OF);

    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
    assertLevel(d.readiness(), ReadinessLevel.MEDIUM);
    assertThat(d.readiness().gaps()).containsExactly("DATA_DUPLICATES");
  }

  @Test
  void readiness_warningsAndBlockersMixed_countDistinctCodes() {
    // at ACTIVATE_OWNER: OWNER_MISSING blocks, DATA_NO_SOURCES and CRITERIA_DEFINED_LATE warn
    GateDecision d = EVALUATOR.evaluate(clean(Stage.ACTIVATE_OWNER).noOwner().noSources().plannedEndOn(FAR)
        .criteria(criterion().definedOn(LAUNCHED_ON.plusDays(3)).deadlineOn(FAR)).build(), AS_OF);

    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
    assertThat(d.readiness().gaps())
        .containsExactly("CRITERIA_DEFINED_LATE", "DATA_NO_SOURCES", "OWNER_MISSING");
    assertLevel(d.readiness(), 3 > maxGaps() ? ReadinessLevel.LOW : ReadinessLevel.MEDIUM);
  }

  // --- weeks remaining from the stage ---

  @Test
  void readiness_inTheRollout_countsOnlyThePhasesAhead_lessTheWeeksAlreadyRun() {
    // the rollout started three weeks and two days ago: three whole weeks come off the rollout phase
    dev.pilotgate.model.Pilot pilot = clean(Stage.CONTROLLED_ROLLOUT).plannedEndOn(FAR).criteria(criterion().deadlineOn(FAR))
        .build().toBuilder()
        .rollout(new dev.pilotgate.model.Rollout(AS_OF.minusDays(23), 10, 5, List.of("a", "b", "c", "d", "e"), false))
        .build();
    GateDecision d = EVALUATOR.evaluate(pilot, AS_OF);

    assertThat(d.readiness().level()).isEqualTo(ReadinessLevel.HIGH);
    assertThat(d.readiness().minWeeks()).isEqualTo(
        POLICY.getInt("readiness.rollout.minWeeks") - 3 + POLICY.getInt("readiness.production.minWeeks"));
    assertThat(d.readiness().maxWeeks()).isEqualTo(
        POLICY.getInt("readiness.rollout.maxWeeks") - 3 + POLICY.getInt("readiness.production.maxWeeks"));
  }

  @Test
  void readiness_inProduction_isZeroWeeksWithNoWindow() {
    GateDecision d = EVALUATOR.evaluate(clean(Stage.PRODUCTION).build(), AS_OF);

    assertThat(d.readiness().minWeeks()).isZero();
    assertThat(d.readiness().maxWeeks()).isZero();
    assertThat(d.readiness().productionBetween()).isNull();
  }

  @Test
  void timelineUnrealistic_inStage1_aDeadlineBeforeTheEarliestProductionDate_holds() {
    // HIGH readiness from stage 1 is 13-18 weeks: a deadline 12 weeks out cannot be met
    GateDecision d = EVALUATOR.evaluate(clean(Stage.DEFINE_CRITERIA).plannedEndOn(FAR)
        .criteria(criterion().deadlineOn(AS_OF.plusWeeks(12))).build(), AS_OF);

    assertThat(d.outcome()).isEqualTo(GateOutcome.HOLD);
    Finding f = d.finding("TIMELINE_UNREALISTIC").orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
    assertThat(f.message()).isEqualTo("The deadline for " + f.evidence().get("metric") + " is "
        + AS_OF.plusWeeks(12) + ", but full production cannot be expected before " + AS_OF.plusWeeks(13)
        + " (13–18 weeks from now at this readiness).");
    // the criteria's GO does not stand beside it
    assertThat(d.hasFinding("CRITERIA_DEFINED")).isFalse();
  }

  @Test
  void timelineUnrealistic_nearMiss_aDeadlineOnTheEarliestDate_passes() {
    GateDecision d = EVALUATOR.evaluate(clean(Stage.DEFINE_CRITERIA).plannedEndOn(FAR)
        .criteria(criterion().deadlineOn(AS_OF.plusWeeks(13))).build(), AS_OF);

    assertThat(d.hasFinding("TIMELINE_UNREALISTIC")).isFalse();
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
  }

  @Test
  void timelineUnrealistic_laterStages_isAWarningToReplan() {
    GateDecision d = EVALUATOR.evaluate(clean(Stage.ACTIVATE_OWNER)
        .criteria(criterion().deadlineOn(AS_OF.plusWeeks(4))).plannedEndOn(FAR).build(), AS_OF);

    Finding f = d.finding("TIMELINE_UNREALISTIC").orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.outcome()).isNull();
    assertThat(d.outcome()).isEqualTo(GateOutcome.GO);
  }
}
