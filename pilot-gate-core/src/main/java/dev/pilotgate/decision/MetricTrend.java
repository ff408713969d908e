package dev.pilotgate.decision;

import dev.pilotgate.model.SuccessCriterion;
import java.time.LocalDate;

/**
 * The trend of one success criterion's metric, computed once before the rules fire (the
 * rules compare it with the policy) and reported with the decision. Immutable and thread-safe.
 *
 * <p>The trend is judged on the observations in {@code [from, judgedUntil]}: since the rollout
 * started, or, from stage 5 on, the last {@code metric.recentWindowDays}. A criterion is judged
 * up to the decision day while it is still being judged ({@code stillJudged}: its deadline has not
 * passed, or the pilot is in production, where every metric stays monitored); a criterion whose
 * deadline has passed is judged as of its deadline, on the observations up to then. "Met" is
 * robust: the median of the latest {@code metric.met.points} observations (up to
 * {@code judgedUntil}) is at or beyond the target; one lucky point does not count.
 *
 * <p>Projections stay possible: they are kept within the metric's range ({@code rangeMin},
 * {@code rangeMax}): the criterion's {@code range} when it gives one; else, for a share (a metric
 * named {@code *_share}, {@code *_rate}, {@code *_ratio} or {@code *_accuracy} whose baseline,
 * target and observations all lie between 0 and 1), 0 to 1; else, when the baseline, target and
 * observations are all at least 0, the floor 0.
 *
 * <p>A criterion whose target is not better than its baseline ({@code CRITERIA_TARGET_NOT_BETTER})
 * has the verdict {@link TrendVerdict#TARGET_NOT_BETTER}: its target is never met and its trend
 * never improving, whatever the data.
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
 * @param projectedAtDeadline the fitted trend's value on the deadline, kept within the range, or
 *                           {@code null} when insufficient or without a deadline
 * @param projectedToMeetTarget whether that projection is at or beyond the target
 * @param projectedTargetOn  the first day, from {@code judgedUntil} on, on which the fitted trend is at or
 *                           beyond the target; {@code null} when that is after the deadline, when the trend
 *                           moves away from the target, when insufficient, or for an invalid criterion
 * @param latestValue        the most recent observation up to {@code judgedUntil}, or {@code null} when there is none
 * @param lastObservedOn     the date of that observation, or {@code null}
 * @param daysSinceLastObservation days from {@code lastObservedOn} to the decision day, or {@code null}
 * @param recentMedian       median of the latest {@code metric.met.points} observations, or {@code null} with fewer
 * @param targetMet          whether the target is met (see above)
 * @param deadlinePassed     whether the deadline is before the decision day
 * @param stillJudged        whether the criterion is still being judged (see above)
 * @param judgedUntil        the last day whose observations count: the decision day, or the passed deadline
 * @param rangeMin           the lowest value the metric can take, or {@code null} for no limit
 * @param rangeMax           the highest value the metric can take, or {@code null} for no limit
 * @param share              whether the metric is a share (range 0 to 1): messages show it as a percentage
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
    LocalDate projectedTargetOn,
    Double latestValue,
    LocalDate lastObservedOn,
    Integer daysSinceLastObservation,
    Double recentMedian,
    boolean targetMet,
    boolean deadlinePassed,
    boolean stillJudged,
    LocalDate judgedUntil,
    Double rangeMin,
    Double rangeMax,
    boolean share) {

  /**
   * A trend without the fields added later: no target date, no date of the latest observation,
   * still judged (up to an unknown day), no range known, not a share.
   */
  public MetricTrend(SuccessCriterion criterion, LocalDate from, int observations, TrendVerdict verdict,
      double slopePerDay, double pValue, Double fittedAtFrom, Double projectedAtDeadline,
      boolean projectedToMeetTarget, Double latestValue, Double recentMedian, boolean targetMet,
      boolean deadlinePassed) {
    this(criterion, from, observations, verdict, slopePerDay, pValue, fittedAtFrom, projectedAtDeadline,
        projectedToMeetTarget, null, latestValue, null, null, recentMedian, targetMet, deadlinePassed, true, null,
        null, null, false);
  }

  /**
   * Whether monitoring has stopped: the criterion is still judged and its latest observation is
   * more than {@code maxStaleDays} days before the decision day ({@code METRIC_STALE}). A criterion
   * never measured is not stale (it has too few observations instead).
   *
   * @param maxStaleDays the policy's {@code metric.maxStaleDays}
   */
  public boolean staleAfter(int maxStaleDays) {
    return stillJudged && daysSinceLastObservation != null && daysSinceLastObservation > maxStaleDays;
  }

  /** How the fitted trend moves, in words: {@code "rising"}, {@code "falling"} or {@code "flat"}. */
  public String movement() {
    return slopePerDay > 0 ? "rising" : slopePerDay < 0 ? "falling" : "flat";
  }

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
