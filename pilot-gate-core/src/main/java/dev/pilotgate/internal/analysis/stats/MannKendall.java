package dev.pilotgate.internal.analysis.stats;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.ranking.NaNStrategy;
import org.apache.commons.statistics.ranking.NaturalRanking;
import org.apache.commons.statistics.ranking.TiesStrategy;

/**
 * The Mann–Kendall test for a monotonic trend in a series of values taken in time order, with
 * optionally the Hamed &amp; Rao (1998) variance correction for autocorrelated series.
 *
 * <h2>Statistic</h2>
 * <ul>
 *   <li>{@code S = Σ_{i<j} sign(y[j] − y[i])}: positive when later values tend to be larger.
 *   <li>{@code Var(S) = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18}, the sum running over the groups
 *       of {@code t} equal values (ties); with the Hamed–Rao correction it is then multiplied by
 *       {@link #varianceCorrection()}.
 *   <li>{@code Z = (S−1)/σ} if {@code S > 0}, {@code (S+1)/σ} if {@code S < 0} and 0 if
 *       {@code S = 0} (continuity correction), {@code σ = √Var(S)}.
 *   <li>One-sided p-values from the standard normal distribution:
 *       {@code pIncreasing = P(Z' ≥ z)} (its survival function; small when the series rises) and
 *       {@code pDecreasing = P(Z' ≤ z)} (small when it falls). A two-sided p-value is
 *       {@code 2 · min(pIncreasing, pDecreasing)}.
 * </ul>
 * These are the formulas of Gilbert (1987) and of {@code pymannkendall.original_test}.
 *
 * <h2>Hamed–Rao correction</h2>
 * As in {@code pymannkendall.hamed_rao_modification_test} with its defaults (all lags, 5%):
 * <ol>
 *   <li>detrend: {@code e[i] = y[i] − (i+1) · b}, {@code b} the Theil–Sen slope of the values
 *       against their index ({@link TheilSen});
 *   <li>rank the {@code e[i]} (ties get their average rank);
 *   <li>lag-{@code k} autocorrelations {@code ρ_k} of the ranks, with the usual (biased)
 *       estimator {@code ρ_k = Σ_{t<n−k} d[t]d[t+k] / Σ_t d[t]²}, {@code d} the ranks minus
 *       their mean;
 *   <li>keep only the {@code ρ_k} significant at 5%, namely those with
 *       {@code |ρ_k| > z_{0.975} / √n ≈ 1.96 / √n} (the large-sample white-noise bound, the one
 *       pymannkendall uses);
 *   <li>{@code n/n* = 1 + 2 / (n(n−1)(n−2)) · Σ_k (n−k)(n−k−1)(n−k−2) ρ_k} over the kept lags
 *       {@code 1 ≤ k ≤ n−3} (larger lags have a zero weight), and {@code Var(S)} is multiplied
 *       by it.
 * </ol>
 * The factor is above 1 for positively autocorrelated series (fewer effectively independent
 * values, so less evidence of a trend) and below 1 for negatively autocorrelated ones. Strong
 * negative autocorrelation can drive the formula to 0 or below, where no variance exists; the
 * factor is then <b>not applied</b> (taken as 1, the plain test), and likewise when fewer than
 * three values leave nothing to correct. The sum is used as it is, as in the released
 * pymannkendall 1.4.x (up to and including 1.4.3); only pymannkendall's unreleased master, after
 * 1.4.3, replaces it by its absolute value. {@link #varianceCorrection()} reports the factor
 * actually applied. The detrended values are ranked with {@code -0.0} and {@code +0.0} tied
 * (their sign is normalised first), as they tie in {@code S} and {@code Var(S)} and in
 * pymannkendall's ranking; a zero Sen slope otherwise leaves {@code -0.0} values that a natural
 * ranking puts below {@code +0.0}. One deliberate departure from pymannkendall: when the
 * detrended values of an exactly linear series differ only by rounding noise (their range is at
 * most 1e-12 of the data's magnitude) they count as tied, so the factor is 1 instead of whatever
 * the ranks of that noise happen to give.
 *
 * <h2>Degenerate input</h2>
 * No result holds NaN. With fewer than two values, or when {@code Var(S) = 0} (all values equal),
 * there is no evidence of a trend: {@code s} is 0, {@code varianceS} 0, {@code z} 0, both
 * p-values 1.0 and {@code varianceCorrection} 1.0.
 *
 * <p>Results come from the {@code test} factories. The canonical constructor, public only because
 * records require it, refuses with {@link IllegalArgumentException} a negative {@code n}, a NaN
 * or infinite double, a negative variance, a p-value outside [0, 1] or a correction that is not
 * positive.
 *
 * <p>Instances are immutable and thread-safe. The factories are stateless, neither modify nor
 * keep the caller's array and may be called from any number of threads at once (as long as
 * nobody changes the array during the call). The test is O(n²), meant for series of up to a few
 * hundred values.
 *
 * @param n                  number of values tested
 * @param s                  the Mann–Kendall score {@code S}
 * @param varianceS          the variance of {@code S} used for {@code z}: tie-corrected and, with
 *                           the Hamed–Rao correction, multiplied by {@code varianceCorrection}
 * @param z                  the standardised score, continuity-corrected
 * @param pIncreasing        one-sided p-value against "no trend" in favour of an increasing trend
 * @param pDecreasing        one-sided p-value against "no trend" in favour of a decreasing trend
 * @param varianceCorrection the Hamed–Rao factor {@code n/n*} applied to the variance; 1 for the
 *                           plain test
 */
public record MannKendall(
    int n,
    long s,
    double varianceS,
    double z,
    double pIncreasing,
    double pDecreasing,
    double varianceCorrection) {

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
  /** {@code z_{0.975}}: two-sided 5% quantile of the standard normal, ≈ 1.959964. */
  private static final double Z_975 = STANDARD_NORMAL.inverseCumulativeProbability(0.975);
  /** Detrended residuals spanning at most this fraction of the data's magnitude count as tied. */
  private static final double RESIDUAL_NOISE = 1e-12;

  /**
   * Builds a result, refusing implausible fields; prefer the {@code test} factories.
   *
   * @param n                  number of values tested, &gt;= 0
   * @param s                  the Mann–Kendall score
   * @param varianceS          variance of the score, finite and &gt;= 0
   * @param z                  the standardised score, finite
   * @param pIncreasing        one-sided p-value for an increasing trend, in [0, 1]
   * @param pDecreasing        one-sided p-value for a decreasing trend, in [0, 1]
   * @param varianceCorrection the factor applied to the variance, finite and &gt; 0
   * @throws IllegalArgumentException if a field breaks its constraint
   */
  public MannKendall {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative but was " + n);
    }
    if (!(varianceS >= 0) || Double.isInfinite(varianceS)) {
      throw new IllegalArgumentException(
          "varianceS must be a finite number >= 0 but was " + varianceS);
    }
    if (!Double.isFinite(z)) {
      throw new IllegalArgumentException("z must be finite but was " + z);
    }
    requireProbability(pIncreasing, "pIncreasing");
    requireProbability(pDecreasing, "pDecreasing");
    if (!(varianceCorrection > 0) || Double.isInfinite(varianceCorrection)) {
      throw new IllegalArgumentException(
          "varianceCorrection must be a finite number > 0 but was " + varianceCorrection);
    }
  }

  /**
   * The plain Mann–Kendall test ({@code varianceCorrection = 1}).
   *
   * @param valuesInTimeOrder the series, oldest first; not modified
   * @return the test result
   * @throws IllegalArgumentException if the array is null or a value is NaN or infinite (the
   *     message names the index and quotes the value)
   */
  public static MannKendall test(double[] valuesInTimeOrder) {
    return test(valuesInTimeOrder, false);
  }

  /**
   * The Mann–Kendall test, with the Hamed–Rao variance correction when asked for.
   *
   * @param valuesInTimeOrder      the series, oldest first, equally spaced in time; not modified
   * @param correctAutocorrelation whether to apply the Hamed &amp; Rao (1998) correction
   * @return the test result
   * @throws IllegalArgumentException if the array is null or a value is NaN or infinite (the
   *     message names the index and quotes the value), or, with the correction, if the values
   *     span so much of the {@code double} range that the Theil–Sen slope overflows
   */
  public static MannKendall test(double[] valuesInTimeOrder, boolean correctAutocorrelation) {
    return test(valuesInTimeOrder, correctAutocorrelation ? Correction.ALWAYS : Correction.NONE);
  }

  /**
   * The plain test, or the Hamed–Rao corrected one when its factor is above 1, i.e. when the
   * correction widens the variance (positively autocorrelated series). The same result as
   * running {@code test(values, false)} and {@code test(values, true)} and keeping the corrected
   * one only if its {@link #varianceCorrection()} exceeds 1, with the score and its variance
   * computed once.
   *
   * @param valuesInTimeOrder the series, oldest first, equally spaced in time; not modified
   * @return the test result
   * @throws IllegalArgumentException as {@link #test(double[], boolean)} with the correction
   */
  public static MannKendall testCorrectingWhenWider(double[] valuesInTimeOrder) {
    return test(valuesInTimeOrder, Correction.WHEN_WIDER);
  }

  /** Which Hamed–Rao factor to apply. */
  private enum Correction { NONE, ALWAYS, WHEN_WIDER }

  private static MannKendall test(double[] y, Correction correction) {
    Inputs.requireFinite(y, "valuesInTimeOrder");
    int n = y.length;
    if (n < 2) {
      return noEvidence(n, 0);
    }
    long s = score(y);
    double varianceS = tieCorrectedVariance(y);
    if (varianceS <= 0) {
      return noEvidence(n, s);
    }
    double factor = correction == Correction.NONE ? 1.0 : hamedRaoFactor(y);
    return withFactor(n, s, varianceS, correction == Correction.WHEN_WIDER && factor <= 1 ? 1.0 : factor);
  }

  private static MannKendall withFactor(int n, long s, double varianceS, double factor) {
    double variance = varianceS * factor;
    double sigma = Math.sqrt(variance);
    double z;
    if (s > 0) {
      z = (s - 1) / sigma;
    } else if (s < 0) {
      z = (s + 1) / sigma;
    } else {
      z = 0.0;
    }
    return new MannKendall(n, s, variance, z,
        STANDARD_NORMAL.survivalProbability(z), STANDARD_NORMAL.cumulativeProbability(z), factor);
  }

  private static MannKendall noEvidence(int n, long s) {
    return new MannKendall(n, s, 0.0, 0.0, 1.0, 1.0, 1.0);
  }

  private static void requireProbability(double p, String name) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " must lie in [0, 1] but was " + p);
    }
  }

  /** {@code S = Σ_{i<j} sign(y[j] − y[i])}; values are finite, so comparisons suffice. */
  private static long score(double[] y) {
    long s = 0;
    for (int i = 0; i < y.length - 1; i++) {
      double yi = y[i];
      for (int j = i + 1; j < y.length; j++) {
        if (y[j] > yi) {
          s++;
        } else if (y[j] < yi) {
          s--;
        }
      }
    }
    return s;
  }

  /** {@code [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18}, computed exactly in longs then divided. */
  private static double tieCorrectedVariance(double[] y) {
    long n = y.length;
    double[] sorted = y.clone();
    Arrays.sort(sorted);
    long ties = 0;
    int start = 0;
    for (int i = 1; i <= sorted.length; i++) {
      // == (not Double.compare) so that -0.0 and 0.0 form one group, as they tie in S
      if (i == sorted.length || sorted[i] != sorted[start]) {
        long t = i - start;
        ties += t * (t - 1) * (2 * t + 5);
        start = i;
      }
    }
    return (n * (n - 1) * (2 * n + 5) - ties) / 18.0;
  }

  /** The Hamed–Rao factor {@code n/n*}, or 1 where it is undefined or not positive. */
  private static double hamedRaoFactor(double[] y) {
    int n = y.length;
    if (n < 3) {
      return 1.0;
    }
    double[] index = new double[n];
    for (int i = 0; i < n; i++) {
      index[i] = i;
    }
    double slope = TheilSen.slope(index, y);
    double[] detrended = new double[n];
    double scale = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double trend = (i + 1) * slope;
      // + 0.0 turns -0.0 into +0.0: the ranking below would otherwise put -0.0 first, while
      // S and Var(S) count the two as tied
      detrended[i] = y[i] - trend + 0.0;
      scale = Math.max(scale, Math.max(Math.abs(y[i]), Math.abs(trend)));
      min = Math.min(min, detrended[i]);
      max = Math.max(max, detrended[i]);
    }
    if (max - min <= RESIDUAL_NOISE * scale) {
      return 1.0; // an exactly linear series: the residuals are rounding noise, not a signal
    }
    double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).apply(detrended);
    // average ranks sum to n(n+1)/2, so their mean is exactly (n+1)/2
    double mean = (n + 1) / 2.0;
    double sumOfSquares = 0;
    for (int i = 0; i < n; i++) {
      ranks[i] -= mean;
      sumOfSquares += ranks[i] * ranks[i];
    }
    if (sumOfSquares == 0) {
      return 1.0; // all detrended values tied: no autocorrelation to estimate
    }
    double bound = Z_975 / Math.sqrt(n);
    double sum = 0;
    for (int k = 1; k <= n - 3; k++) {
      double lagged = 0;
      for (int t = 0; t < n - k; t++) {
        lagged += ranks[t] * ranks[t + k];
      }
      double rho = lagged / sumOfSquares;
      if (Math.abs(rho) > bound) {
        sum += (double) (n - k) * (n - k - 1) * (n - k - 2) * rho;
      }
    }
    double factor = 1 + 2.0 / ((double) n * (n - 1) * (n - 2)) * sum;
    return factor > 0 && Double.isFinite(factor) ? factor : 1.0;
  }
}
