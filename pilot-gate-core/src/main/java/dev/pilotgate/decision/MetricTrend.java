package dev.pilotgate.decision;

import dev.pilotgate.model.SuccessCriterion;
import java.time.LocalDate;

/**
 * The trend of one success criterion's metric, computed once before the rules fire (the
 * rules compare it with the policy) and reported with the decision. Immutable and thread-safe.
 *
 * <p>The trend is judged on the observations in {@code [from, asOf]}: since the rollout
 * started, or, from stage 5 on, the last {@code metric.recentWindowDays}. "Met" is robust:
 * the median of the latest {@code metric.met.points} observations (up to the decision day)
 * is at or beyond the target; one lucky point does not count.
 *
 * @param criterion          the criterion
 * @param from               first day of the observations judged
 * @param observations       how many observations were judged
 * @param verdict            the trend test's verdict
 * @param slopePerDay        Theil–Sen slope, in metric units per day (0 when insufficient)
 * @param pValue             one-sided p-value of the verdict's direction (toward better for IMPROVING or
 *                           NO_SIGNIFICANT_CHANGE, toward worse for WORSENING); 1 when insufficient
 * @param fittedAtFrom       the fitted trend's value on {@code from}, or {@code null} when insufficient
 *                           (with the slope, it draws the fitted line)
 * @param projectedAtDeadline the fitted trend's value on the deadline, or {@code null} when insufficient
 * @param projectedToMeetTarget whether that projection is at or beyond the target
 * @param latestValue        the most recent observation, or {@code null} when there is none
 * @param recentMedian       median of the latest {@code metric.met.points} observations, or {@code null} with fewer
 * @param targetMet          whether the target is met (see above)
 * @param deadlinePassed     whether the deadline is before the decision day
 */
public record MetricTrend(
    SuccessCriterion criterion,
    LocalDate from,
    int observations,
    TrendVerdict verdict,
    double slopePerDay,
    double pValue,
    Double fittedAtFrom,
    Double projectedAtDeadline,
    boolean projectedToMeetTarget,
    Double latestValue,
    Double recentMedian,
    boolean targetMet,
    boolean deadlinePassed) {

  public String metric() {
    return criterion.metric();
  }

  public double target() {
    return criterion.target();
  }

  public LocalDate deadlineOn() {
    return criterion.deadlineOn();
  }
}
