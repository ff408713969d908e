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
 */
public record SuccessCriterion(
    String metric,
    MetricKind kind,
    Double baseline,
    Double target,
    Direction direction,
    LocalDate deadlineOn,
    LocalDate definedOn) {

  public SuccessCriterion {
    Checks c = new Checks();
    c.requiredText(metric, "metric");
    c.required(kind, "kind", MetricKind.values());
    c.finite(baseline, "baseline");
    c.finite(target, "target");
    c.required(direction, "direction", Direction.values());
    c.date(deadlineOn, "deadlineOn");
    c.date(definedOn, "definedOn");
    c.done();
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
