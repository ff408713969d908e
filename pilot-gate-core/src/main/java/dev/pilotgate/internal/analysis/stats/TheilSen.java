package dev.pilotgate.internal.analysis.stats;

import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.NaNPolicy;

/**
 * The Theil–Sen robust line {@code y = intercept + slope · x}.
 *
 * <p>{@link #fit(double[], double[])} takes as slope the median of the pairwise slopes
 * {@code (y[j] − y[i]) / (x[j] − x[i])} over all pairs {@code i < j} with {@code x[j] ≠ x[i]},
 * and as intercept {@code median(y) − slope · median(x)}. That is
 * {@code scipy.stats.theilslopes(y, x, method='separate')} and, with {@code x = 0, 1, …, n−1},
 * the Sen slope and Conover intercept of {@code pymannkendall.sens_slope}. Medians of an even
 * count are the mean of the two middle values. A single outlier moves neither the slope nor the
 * intercept much: the estimator tolerates up to about 29% of wild points.
 *
 * <p>Fitting is O(n²) in time and allocates one {@code double} array of {@code n(n−1)/2}
 * pairwise slopes, which is fine for the few hundred points it is meant for.
 *
 * <p>The canonical constructor refuses a NaN or infinite slope or intercept with
 * {@link IllegalArgumentException}.
 *
 * <p>Instances are immutable and thread-safe; {@link #fit(double[], double[])} is stateless,
 * neither modifies nor keeps the caller's arrays, and may be called from any number of threads
 * at once (as long as nobody changes the arrays during the call).
 *
 * @param slope     change of {@code y} per unit of {@code x}; 0 when fewer than two distinct
 *                  {@code x} values were given
 * @param intercept the line's value at {@code x = 0}
 */
public record TheilSen(double slope, double intercept) {
  // Inputs and slopes are checked finite first, so the medians need not look for NaN again
  // (NaNPolicy.INCLUDE without a copy does no work; ERROR scans the array).
  private static final Median MEDIAN_OF_CALLER_ARRAY =
      Median.withDefaults().withCopy(true).with(NaNPolicy.INCLUDE);
  private static final Median MEDIAN_IN_PLACE =
      Median.withDefaults().withCopy(false).with(NaNPolicy.INCLUDE);
  /** A little below {@link Integer#MAX_VALUE}, the largest array some JVMs allocate. */
  private static final long MAX_PAIRS = Integer.MAX_VALUE - 8L;

  /**
   * Builds a line; prefer {@link #fit(double[], double[])}.
   *
   * @param slope     change of {@code y} per unit of {@code x}, finite
   * @param intercept value at {@code x = 0}, finite
   * @throws IllegalArgumentException if either is NaN or infinite
   */
  public TheilSen {
    if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
      throw new IllegalArgumentException(
          "slope and intercept must be finite but were " + slope + " and " + intercept);
    }
  }

  /**
   * Fits the Theil–Sen line through the points {@code (x[i], y[i])}.
   *
   * <p>When the points have fewer than two distinct {@code x} values (a single point, or all
   * {@code x} equal) no slope can be estimated: the result is then the flat line
   * {@code slope = 0, intercept = median(y)}.
   *
   * @param x the abscissae, in any order, repeats allowed; not modified
   * @param y the ordinates, {@code y[i]} belonging to {@code x[i]}; not modified
   * @return the fitted line
   * @throws IllegalArgumentException if an array is null or empty, if the lengths differ (the
   *     message gives both), if a value is NaN or infinite (the message names the index and
   *     quotes the value), or if the values span so much of the {@code double} range that a
   *     pairwise difference overflows
   */
  public static TheilSen fit(double[] x, double[] y) {
    requirePoints(x, y);
    double slope = medianSlope(x, y);
    double medianY = MEDIAN_OF_CALLER_ARRAY.evaluate(y);
    if (Double.isNaN(slope)) {
      return new TheilSen(0.0, medianY);
    }
    double intercept = medianY - slope * MEDIAN_OF_CALLER_ARRAY.evaluate(x);
    if (!Double.isFinite(intercept)) {
      throw new IllegalArgumentException(
          "x and y span too much of the double range: the intercept overflows");
    }
    return new TheilSen(slope, intercept);
  }

  /**
   * The Theil–Sen slope alone, the same value as {@code fit(x, y).slope()} without the two
   * medians the intercept needs (the Hamed–Rao correction detrends with the slope only).
   *
   * @param x the abscissae, as for {@link #fit(double[], double[])}; not modified
   * @param y the ordinates; not modified
   * @return the median pairwise slope, or 0 when fewer than two distinct {@code x} values
   * @throws IllegalArgumentException as {@link #fit(double[], double[])}
   */
  public static double slope(double[] x, double[] y) {
    requirePoints(x, y);
    double slope = medianSlope(x, y);
    return Double.isNaN(slope) ? 0.0 : slope;
  }

  private static void requirePoints(double[] x, double[] y) {
    Inputs.requireFinite(x, "x");
    Inputs.requireFinite(y, "y");
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y must have the same length but x has "
          + x.length + " values and y has " + y.length);
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("x and y must hold at least one point but are empty");
    }
  }

  /** The median of the pairwise slopes of checked points, or NaN when no two x differ. */
  private static double medianSlope(double[] x, double[] y) {
    int n = x.length;
    long pairs = (long) n * (n - 1) / 2;
    if (pairs > MAX_PAIRS) {
      throw new IllegalArgumentException(
          "too many points for pairwise slopes: " + n + " gives " + pairs + " pairs");
    }
    double[] slopes = new double[(int) pairs];
    int count = 0;
    for (int i = 0; i < n - 1; i++) {
      double xi = x[i];
      double yi = y[i];
      for (int j = i + 1; j < n; j++) {
        double dx = x[j] - xi;
        if (dx != 0) {
          slopes[count++] = (y[j] - yi) / dx;
        }
      }
    }
    if (count == 0) {
      return Double.NaN;
    }
    for (int k = 0; k < count; k++) {
      if (!Double.isFinite(slopes[k])) {
        throw new IllegalArgumentException(
            "x and y span too much of the double range: a pairwise slope overflows");
      }
    }
    return MEDIAN_IN_PLACE.evaluateRange(slopes, 0, count);
  }

  /**
   * The line's value at {@code x}.
   *
   * @param x any abscissa
   * @return {@code intercept + slope · x}
   */
  public double valueAt(double x) {
    return intercept + slope * x;
  }
}
