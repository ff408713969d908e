package dev.pilotgate.decision;

/** What the trend test says about a metric, in the direction that is better for it. */
public enum TrendVerdict {
  /** A significant trend toward better. */
  IMPROVING,
  /** No significant trend either way. */
  NO_SIGNIFICANT_CHANGE,
  /** A significant trend toward worse. */
  WORSENING,
  /** Too few observations to judge ({@code metric.minObservations}). */
  INSUFFICIENT_DATA,
  /**
   * The criterion's target is not better than its baseline (the finding
   * {@code CRITERIA_TARGET_NOT_BETTER}): which way is better is unclear, so the trend is not judged
   * either way and the target never counts as met.
   */
  TARGET_NOT_BETTER
}
