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
  INSUFFICIENT_DATA
}
