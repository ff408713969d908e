package dev.pilotgate.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.decision.MetricTrend;
import dev.pilotgate.decision.TrendVerdict;
import dev.pilotgate.internal.engine.PolicyReader;
import dev.pilotgate.model.Direction;
import dev.pilotgate.model.MetricKind;
import dev.pilotgate.model.MetricRange;
import dev.pilotgate.model.Observation;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Rollout;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.SuccessCriterion;
import dev.pilotgate.policy.Policy;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The trend of a criterion (DESIGN §5): projections kept within the metric's range, the date the
 * fitted trend reaches the target, criteria judged up to their deadline, and no verdict of their own
 * for criteria whose target is not better than their baseline.
 */
class MetricTrendAnalysisTest {
  private static final Policy POLICY = new Policy(PolicyReader.DEFAULTS);
  private static final LocalDate START = LocalDate.of(2026, 4, 6);

  private static SuccessCriterion criterion(String metric, double baseline, double target, Direction direction,
      LocalDate deadline, MetricRange range) {
    return new SuccessCriterion(metric, MetricKind.BUSINESS, baseline, target, direction, deadline,
        LocalDate.of(2026, 2, 16), range);
  }

  /** One observation every {@code step} days from the rollout start, {@code n} of them. */
  private static MetricTrend trend(Stage stage, SuccessCriterion c, int n, int step, IntToDoubleFunction value,
      LocalDate asOf) {
    Pilot.Builder b = Pilot.builder("p", stage).launchedOn(LocalDate.of(2026, 3, 9)).successCriterion(c)
        .rollout(new Rollout(START, 30, 5, List.of("a", "b", "c", "d", "e"), false));
    for (int i = 0; i < n; i++) {
      b.observation(new Observation(c.metric(), START.plusDays((long) i * step), value.applyAsDouble(i)));
    }
    return Analysis.trends(b.build(), asOf, POLICY).get(0);
  }

  @Test
  void hoursFallingFast_projectionStopsAtTheFloorZero() {
    // 30 hours falling 1.65 hours every 3 days: the straight line is at about -37 on the deadline
    SuccessCriterion c = criterion("unplanned_downtime_hours", 30, 10, Direction.LOWER_IS_BETTER,
        LocalDate.of(2026, 9, 30), null);
    MetricTrend t = trend(Stage.CONTROLLED_ROLLOUT, c, 11, 3, i -> 30 - 1.65 * i, LocalDate.of(2026, 5, 6));
    assertThat(t.verdict()).isEqualTo(TrendVerdict.IMPROVING);
    assertThat(t.rangeMin()).isEqualTo(0.0);
    assertThat(t.rangeMax()).isNull();
    assertThat(t.share()).isFalse();
    assertThat(t.fittedAtFrom() + t.slopePerDay() * 177).isNegative();
    assertThat(t.projectedAtDeadline()).isEqualTo(0.0);
    assertThat(t.projectedToMeetTarget()).isTrue();
    // 30 - 0.55 d reaches 10 on day 36.4: the 37th day after the start
    assertThat(t.projectedTargetOn()).isEqualTo(START.plusDays(37));
  }

  @Test
  void shareRisingFast_projectionStopsAtOneHundredPercent() {
    SuccessCriterion c = criterion("on_time_delivery_rate", 0.5, 0.9, Direction.HIGHER_IS_BETTER,
        LocalDate.of(2026, 12, 31), null);
    MetricTrend t = trend(Stage.CONTROLLED_ROLLOUT, c, 11, 3, i -> 0.5 + 0.01 * i, LocalDate.of(2026, 5, 6));
    assertThat(t.share()).isTrue();
    assertThat(t.rangeMin()).isEqualTo(0.0);
    assertThat(t.rangeMax()).isEqualTo(1.0);
    assertThat(t.projectedAtDeadline()).isEqualTo(1.0);
    // 0.5 + 0.01/3 per day reaches 0.9 on day 120
    assertThat(t.projectedTargetOn()).isEqualTo(START.plusDays(120));
  }

  @Test
  void givenRange_isTheOneProjectionsKeepTo() {
    SuccessCriterion c = criterion("satisfaction_points", 40, 80, Direction.HIGHER_IS_BETTER,
        LocalDate.of(2027, 6, 30), new MetricRange(0.0, 100.0));
    MetricTrend t = trend(Stage.CONTROLLED_ROLLOUT, c, 11, 3, i -> 40 + 2 * i, LocalDate.of(2026, 5, 6));
    assertThat(t.rangeMax()).isEqualTo(100.0);
    assertThat(t.share()).isFalse();
    assertThat(t.projectedAtDeadline()).isEqualTo(100.0);
  }

  @Test
  void negativeValues_noFloor() {
    SuccessCriterion c = criterion("margin_change", -2, 3, Direction.HIGHER_IS_BETTER, LocalDate.of(2026, 12, 31), null);
    MetricTrend t = trend(Stage.CONTROLLED_ROLLOUT, c, 11, 3, i -> -2 + 0.1 * i, LocalDate.of(2026, 5, 6));
    assertThat(t.rangeMin()).isNull();
    assertThat(t.rangeMax()).isNull();
  }

  @Test
  void projectedTargetOn_nullWhenAfterTheDeadlineOrMovingAway() {
    SuccessCriterion tight = criterion("invoice_auto_match_rate", 0.5, 0.9, Direction.HIGHER_IS_BETTER,
        LocalDate.of(2026, 6, 30), null);
    MetricTrend slow = trend(Stage.CONTROLLED_ROLLOUT, tight, 11, 3, i -> 0.5 + 0.01 * i, LocalDate.of(2026, 5, 6));
    assertThat(slow.projectedTargetOn()).isNull();
    assertThat(slow.projectedToMeetTarget()).isFalse();

    MetricTrend away = trend(Stage.CONTROLLED_ROLLOUT, tight, 11, 3, i -> 0.5 - 0.01 * i, LocalDate.of(2026, 5, 6));
    assertThat(away.verdict()).isEqualTo(TrendVerdict.WORSENING);
    assertThat(away.projectedTargetOn()).isNull();
  }

  @Test
  void projectedTargetOn_isTheDecisionDayWhenTheLineIsThereAlready() {
    SuccessCriterion c = criterion("invoice_auto_match_rate", 0.5, 0.6, Direction.HIGHER_IS_BETTER,
        LocalDate.of(2026, 8, 31), null);
    LocalDate asOf = LocalDate.of(2026, 5, 6);
    MetricTrend t = trend(Stage.CONTROLLED_ROLLOUT, c, 11, 3, i -> 0.5 + 0.02 * i, asOf);
    assertThat(t.targetMet()).isTrue();
    assertThat(t.projectedTargetOn()).isEqualTo(asOf);
  }

  @Test
  void lowerIsBetterTargetTypedBackwards_isNeitherMetNorImproving() {
    // baseline and target swapped: 4 days -> 6 days for a lower-is-better metric; the days fall to 4.5
    SuccessCriterion c = criterion("returns_processing_days", 4, 6, Direction.LOWER_IS_BETTER,
        LocalDate.of(2026, 8, 31), null);
    assertThat(c.targetNotBetterThanBaseline()).isTrue();
    MetricTrend t = trend(Stage.CONTROLLED_ROLLOUT, c, 11, 3, i -> 6 - 0.15 * i, LocalDate.of(2026, 5, 6));
    assertThat(t.verdict()).isEqualTo(TrendVerdict.TARGET_NOT_BETTER);
    assertThat(t.targetMet()).isFalse();
    assertThat(t.projectedToMeetTarget()).isFalse();
    assertThat(t.projectedTargetOn()).isNull();
    // the numbers stay, for the chart
    assertThat(t.slopePerDay()).isNegative();
    MetricTrend few = trend(Stage.CONTROLLED_ROLLOUT, c, 3, 3, i -> 6 - 0.15 * i, LocalDate.of(2026, 5, 6));
    assertThat(few.verdict()).isEqualTo(TrendVerdict.TARGET_NOT_BETTER);
    assertThat(few.targetMet()).isFalse();
  }

  @Test
  void deadlinePassedBelowProduction_judgedOnTheObservationsUpToTheDeadline() {
    LocalDate deadline = START.plusDays(30);
    SuccessCriterion c = criterion("invoice_auto_match_rate", 0.5, 0.7, Direction.HIGHER_IS_BETTER, deadline, null);
    // reaches 0.7 on day 40, after the deadline
    LocalDate asOf = START.plusDays(60);
    MetricTrend t = trend(Stage.CONTROLLED_ROLLOUT, c, 21, 3, i -> 0.5 + 0.015 * i, asOf);
    assertThat(t.stillJudged()).isFalse();
    assertThat(t.judgedUntil()).isEqualTo(deadline);
    assertThat(t.lastObservedOn()).isEqualTo(deadline);
    assertThat(t.latestValue()).isEqualTo(0.5 + 0.015 * 10);
    assertThat(t.observations()).isEqualTo(11);
    assertThat(t.targetMet()).isFalse();
    assertThat(t.daysSinceLastObservation()).isEqualTo(30);
    assertThat(t.staleAfter(29)).isFalse();

    // in production every criterion stays judged, on everything up to the decision day
    MetricTrend production = trend(Stage.PRODUCTION, c, 21, 3, i -> 0.5 + 0.015 * i, asOf);
    assertThat(production.stillJudged()).isTrue();
    assertThat(production.judgedUntil()).isEqualTo(asOf);
    assertThat(production.targetMet()).isTrue();
    assertThat(production.projectedTargetOn()).isNull(); // the deadline is behind
  }

  @Test
  void staleAfter_countsDaysSinceTheLatestObservation() {
    SuccessCriterion c = criterion("invoice_auto_match_rate", 0.5, 0.7, Direction.HIGHER_IS_BETTER,
        LocalDate.of(2026, 12, 31), null);
    // last observation on day 30
    MetricTrend exactly = trend(Stage.CONTROLLED_ROLLOUT, c, 11, 3, i -> 0.5 + 0.01 * i, START.plusDays(60));
    assertThat(exactly.daysSinceLastObservation()).isEqualTo(30);
    assertThat(exactly.staleAfter(30)).isFalse();
    MetricTrend older = trend(Stage.CONTROLLED_ROLLOUT, c, 11, 3, i -> 0.5 + 0.01 * i, START.plusDays(61));
    assertThat(older.staleAfter(30)).isTrue();
    MetricTrend never = trend(Stage.CONTROLLED_ROLLOUT, c, 0, 3, i -> 0, START.plusDays(61));
    assertThat(never.lastObservedOn()).isNull();
    assertThat(never.staleAfter(30)).isFalse();
  }
}
