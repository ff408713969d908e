package dev.pilotgate.model;

/**
 * The values a success criterion's metric can take at all, e.g. {@code {min: 0, max: 1}} for a
 * share or {@code {min: 0}} for hours: trend projections are kept inside it, and the criterion's
 * baseline and target must lie in it. Either bound may be absent (no limit on that side), not both.
 * Immutable and thread-safe.
 *
 * @param min the lowest possible value, or {@code null} for no lower limit
 * @param max the highest possible value, or {@code null} for no upper limit; above {@code min}
 */
public record MetricRange(Double min, Double max) {
  /** The range of a share: 0 to 1 (0% to 100%). */
  public static final MetricRange SHARE = new MetricRange(0.0, 1.0);
  /** A floor of 0 and no upper limit: hours, days, counts, amounts. */
  public static final MetricRange NON_NEGATIVE = new MetricRange(0.0, null);

  public MetricRange {
    Checks c = new Checks();
    c.finite(min, "min");
    c.finite(max, "max");
    if (min == null && max == null) {
      c.problem("min", "is required, or max: give the lowest value the metric can take (min), the highest (max), or both");
    } else if (min != null && max != null && Double.isFinite(min) && Double.isFinite(max) && !(min < max)) {
      c.problem("max", "(" + max + ") must be above min (" + min + ")", "min");
    }
    c.done();
  }

  /** Whether {@code value} lies in the range, bounds included. */
  public boolean contains(double value) {
    return (min == null || value >= min) && (max == null || value <= max);
  }

  /** {@code value} moved to the nearest bound when it lies outside the range. */
  public double clamp(double value) {
    if (min != null && value < min) {
      return min;
    }
    if (max != null && value > max) {
      return max;
    }
    return value;
  }
}
