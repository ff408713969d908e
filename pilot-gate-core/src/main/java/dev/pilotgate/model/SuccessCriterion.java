package dev.pilotgate.model;

import java.time.LocalDate;

/**
 * One measurable definition of success: the metric's baseline, the target that counts as
 * production success, and the deadline by which it must be reached.
 *
 * <p>{@code baseline}, {@code target}, {@code deadlineOn} and {@code definedOn} may be
 * {@code null}: an incomplete criterion is a finding for the rules, not a reading error.
 * Immutable and thread-safe.
 *
 * @param metric     name of the metric, matching {@link Observation#metric()}; required
 * @param kind       business outcome or technology metric; required
 * @param baseline   value before the pilot, or {@code null} when not measured
 * @param target     value that counts as success, or {@code null} when not set
 * @param direction  which way is better; required
 * @param deadlineOn date by which the target must be reached, or {@code null}
 * @param definedOn  date the criterion was agreed, or {@code null} when unknown
 * @param range      the values the metric can take at all (e.g. 0 to 1 for a share), or {@code null}
 *                   when not given; the baseline and the target must lie in it, and trend
 *                   projections are kept in it (docs/rules.md, "Projections stay possible")
 */
public record SuccessCriterion(
    String metric,
    MetricKind kind,
    Double baseline,
    Double target,
    Direction direction,
    LocalDate deadlineOn,
    LocalDate definedOn,
    MetricRange range) {

  public SuccessCriterion {
    Checks c = new Checks();
    c.requiredText(metric, "metric");
    c.required(kind, "kind", MetricKind.values());
    c.finite(baseline, "baseline");
    c.finite(target, "target");
    c.required(direction, "direction", Direction.values());
    c.date(deadlineOn, "deadlineOn");
    c.date(definedOn, "definedOn");
    if (range != null) {
      inRange(c, baseline, "baseline", range);
      inRange(c, target, "target", range);
    }
    c.done();
  }

  /** A criterion without a {@code range} (the form before ranges existed). */
  public SuccessCriterion(String metric, MetricKind kind, Double baseline, Double target, Direction direction,
      LocalDate deadlineOn, LocalDate definedOn) {
    this(metric, kind, baseline, target, direction, deadlineOn, definedOn, null);
  }

  private static void inRange(Checks c, Double value, String field, MetricRange range) {
    if (value != null && Double.isFinite(value) && !range.contains(value)) {
      c.problem(field, "(" + value + ") must lie within the range (" + describe(range) + ")", "range");
    }
  }

  private static String describe(MetricRange range) {
    if (range.min() != null && range.max() != null) {
      return "min " + range.min() + ", max " + range.max();
    }
    return range.min() != null ? "min " + range.min() : "max " + range.max();
  }

  /**
   * Whether baseline and target are both given and the target is not better than the baseline in
   * the metric's direction (the finding {@code CRITERIA_TARGET_NOT_BETTER}): which way is better is
   * then unclear, so no trend of this criterion counts as improving and its target never as met.
   */
  public boolean targetNotBetterThanBaseline() {
    return baseline != null && target != null && !direction.isBetter(target, baseline);
  }

  /** Whether baseline, target and deadline are all present. */
  public boolean complete() {
    return baseline != null && target != null && deadlineOn != null;
  }

  /** Whether the target is strictly better than the baseline; {@code false} when either is missing. */
  public boolean targetBetterThanBaseline() {
    return baseline != null && target != null && direction.isBetter(target, baseline);
  }
}
