package dev.pilotgate.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pilotgate.GateEvaluator;
import dev.pilotgate.decision.Finding;
import dev.pilotgate.decision.GateDecision;
import dev.pilotgate.decision.MetricTrend;
import dev.pilotgate.decision.TrendVerdict;
import dev.pilotgate.model.Direction;
import dev.pilotgate.model.MetricKind;
import dev.pilotgate.model.MetricRange;
import dev.pilotgate.model.Observation;
import dev.pilotgate.model.Owner;
import dev.pilotgate.model.OwnerKind;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Rollout;
import dev.pilotgate.model.Stage;
import dev.pilotgate.model.SuccessCriterion;
import dev.pilotgate.model.UsageRecord;
import dev.pilotgate.properties.GeneratedPilots.Case;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Projections stay possible and messages stay plain (DESIGN §5), over generated series and criteria:
 * shares, hours (never negative), signed values, explicit ranges; steep and flat, noisy and clean
 * trends; deadlines near, far, passed and absent; criteria whose target is not better than their
 * baseline; monitoring that stopped.
 */
class MetricProjectionProperties {
  private static final GateEvaluator EVALUATOR = GateEvaluator.create();
  /** A p-value or a test statistic in a message: "p = 0.03", "p=4e-5", "p-value", "Mann-Kendall". */
  private static final Pattern STATISTICS = Pattern.compile(
      "(?i)\\bp\\s*[=<>≤]|p-value|mann.?kendall|theil.?sen|per day");

  private enum Kind { SHARE, HOURS, SIGNED, RANGED }

  @Provide
  Arbitrary<Case> series() {
    return Arbitraries.randomValue(MetricProjectionProperties::generate);
  }

  @Provide
  Arbitrary<Case> anyPilot() {
    return GeneratedPilots.anyPilot();
  }

  static Case generate(Random r) {
    LocalDate start = LocalDate.of(2026, 1, 5).plusDays(r.nextInt(200));
    Stage stage = r.nextInt(3) == 0 ? Stage.CONTROLLED_ROLLOUT
        : List.of(Stage.ORG_WIDE_ADOPTION, Stage.PRODUCTION, Stage.DATA_AUDIT).get(r.nextInt(3));
    Pilot.Builder b = Pilot.builder("series", stage).launchedOn(start.minusDays(20))
        .owner(new Owner("Dana Reyes", "Director", OwnerKind.INDIVIDUAL, true, start.minusDays(60)))
        .rollout(new Rollout(start, 10, 5, List.of("ann", "bo", "cy"), false));
    LocalDate asOf = start.plusDays(20 + r.nextInt(200));
    for (String user : List.of("ann", "bo", "cy")) {
      b.usage(new UsageRecord(user, asOf.minusDays(r.nextInt(10)), 1 + r.nextInt(3)));
    }
    int criteria = 1 + r.nextInt(3);
    for (int k = 0; k < criteria; k++) {
      Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
      String metric = switch (kind) {
        case SHARE -> "metric_" + k + "_share";
        case HOURS -> "metric_" + k + "_hours";
        case SIGNED -> "metric_" + k + "_change";
        case RANGED -> "metric_" + k + "_points";
      };
      double lo = kind == Kind.SIGNED ? -50 : 0;
      double hi = kind == Kind.SHARE ? 1 : kind == Kind.RANGED ? 100 : 200;
      MetricRange range = kind == Kind.RANGED ? new MetricRange(0.0, 100.0)
          : kind == Kind.SHARE && r.nextBoolean() ? MetricRange.SHARE : null;
      Direction direction = r.nextBoolean() ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
      double baseline = lo + r.nextDouble() * (hi - lo);
      double target = lo + r.nextDouble() * (hi - lo); // sometimes not better than the baseline
      LocalDate deadline = r.nextInt(6) == 0 ? null : start.plusDays(r.nextInt(400));
      b.successCriterion(new SuccessCriterion(metric, MetricKind.BUSINESS, baseline, target, direction, deadline,
          start.minusDays(30), range));
      int n = r.nextInt(30);
      int step = 1 + r.nextInt(7);
      double slope = (r.nextDouble() - 0.5) * (hi - lo) / (r.nextBoolean() ? 10 : 200);
      double noise = r.nextInt(3) == 0 ? 0 : r.nextDouble() * (hi - lo) / 20;
      int stopAfter = r.nextInt(4) == 0 ? r.nextInt(Math.max(1, n)) : n; // monitoring that stopped
      for (int i = 0; i < stopAfter; i++) {
        double v = baseline + slope * i * step + noise * r.nextGaussian();
        v = Math.max(lo, Math.min(hi, v)); // what can be measured is within the metric's range
        b.observation(new Observation(metric, start.plusDays((long) i * step), v));
      }
    }
    return new Case(b.build(), asOf);
  }

  @Property(tries = 300)
  void noProjectionLeavesTheMetricsRange(@ForAll("series") Case c) {
    GateDecision d = EVALUATOR.evaluate(c.pilot(), c.asOf());
    for (MetricTrend t : d.trends()) {
      SuccessCriterion criterion = t.criterion();
      if (criterion.range() != null) {
        assertThat(t.rangeMin()).isEqualTo(criterion.range().min());
        assertThat(t.rangeMax()).isEqualTo(criterion.range().max());
      }
      boolean neverNegative = c.pilot().observations().stream()
          .filter(o -> o.metric().equals(t.metric())).allMatch(o -> o.value() >= 0)
          && criterion.baseline() >= 0 && criterion.target() >= 0;
      if (neverNegative) {
        assertThat(t.rangeMin()).as("floor of %s", t.metric()).isEqualTo(0.0);
      }
      if (t.projectedAtDeadline() != null) {
        if (t.rangeMin() != null) {
          assertThat(t.projectedAtDeadline()).as("projection of %s", t.metric()).isGreaterThanOrEqualTo(t.rangeMin());
        }
        if (t.rangeMax() != null) {
          assertThat(t.projectedAtDeadline()).as("projection of %s", t.metric()).isLessThanOrEqualTo(t.rangeMax());
        }
        Statistics.label("clamped").collect(t.projectedAtDeadline().equals(t.rangeMin())
            || t.projectedAtDeadline().equals(t.rangeMax()));
      }
      if (t.projectedTargetOn() != null) {
        assertThat(t.projectedTargetOn()).isAfterOrEqualTo(t.judgedUntil());
        if (t.deadlineOn() != null) {
          assertThat(t.projectedTargetOn()).isBeforeOrEqualTo(t.deadlineOn());
        }
      }
      if (criterion.targetNotBetterThanBaseline()) {
        assertThat(t.verdict()).isEqualTo(TrendVerdict.TARGET_NOT_BETTER);
        assertThat(t.targetMet()).isFalse();
        assertThat(t.projectedTargetOn()).isNull();
        assertThat(d.findings()).noneMatch(f -> (f.code().equals("METRIC_TARGET_MET") || f.code().equals("METRIC_IMPROVING"))
            && t.metric().equals(f.evidence().get("metric")));
      }
    }
    assertPlainMessages(d);
  }

  @Property(tries = 200)
  void noMessageQuotesStatistics_anyPilot(@ForAll("anyPilot") Case c) {
    assertPlainMessages(EVALUATOR.evaluate(c.pilot(), c.asOf()));
  }

  private static void assertPlainMessages(GateDecision d) {
    for (Finding f : d.findings()) {
      assertThat(STATISTICS.matcher(f.message()).find()).as("%s: %s", f.code(), f.message()).isFalse();
    }
  }
}
