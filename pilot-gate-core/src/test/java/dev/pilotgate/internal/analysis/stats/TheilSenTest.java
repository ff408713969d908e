package dev.pilotgate.internal.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values come from {@code python3 pilot-gate-core/src/test/resources/stats/reference.py}
 * (scipy 1.17.1), i.e. {@code scipy.stats.theilslopes(y, x, method='separate')}.
 */
class TheilSenTest {

  @Test
  void theilSen_outlier_doesNotMoveTheLine() {
    double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] y = {1, 3, 5, 7, 9, 11, 13, 100, 17, 19}; // y = 2x + 1 but y[7] = 100 instead of 15
    TheilSen fit = TheilSen.fit(x, y);
    // scipy: slope=2.0 intercept=1.0
    assertThat(fit.slope()).isEqualTo(2.0);
    assertThat(fit.intercept()).isEqualTo(1.0);
    assertThat(fit.valueAt(7)).isEqualTo(15.0);
  }

  @Test
  void theilSen_repeatedX_skipsPairsWithEqualX() {
    double[] x = {1, 1, 2, 2, 3, 3, 4, 5};
    double[] y = {2.0, 3.0, 3.5, 5.0, 6.5, 6.0, 9.0, 9.5};
    TheilSen fit = TheilSen.fit(x, y);
    // scipy: slope=2.0 intercept=0.5
    assertThat(fit.slope()).isCloseTo(2.0, within(1e-15));
    assertThat(fit.intercept()).isCloseTo(0.5, within(1e-15));
  }

  @Test
  void theilSen_noisyIncreasingAgainstIndex_matchesScipy() {
    double[] y = {0.52, 0.49, 0.55, 0.61, 0.58, 0.63, 0.60, 0.67, 0.66, 0.71,
      0.69, 0.74, 0.70, 0.78, 0.77, 0.75, 0.82, 0.80, 0.86, 0.84};
    double[] x = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    TheilSen fit = TheilSen.fit(x, y);
    // scipy: slope=0.017499999999999988 intercept=0.52875
    assertThat(fit.slope()).isCloseTo(0.017499999999999988, within(1e-15));
    assertThat(fit.intercept()).isCloseTo(0.52875, within(1e-14));
  }

  @Test
  void theilSen_unorderedPoints_giveTheSameLineAsOrderedOnes() {
    TheilSen ordered = TheilSen.fit(new double[] {1, 2, 3, 4, 5}, new double[] {1, 4, 2, 8, 6});
    TheilSen shuffled = TheilSen.fit(new double[] {4, 1, 5, 3, 2}, new double[] {8, 1, 6, 2, 4});
    assertThat(shuffled).isEqualTo(ordered);
  }

  @Test
  void theilSen_fewerThanTwoDistinctX_givesFlatLineThroughMedianY() {
    assertThat(TheilSen.fit(new double[] {3, 3, 3, 3}, new double[] {1, 9, 4, 2}))
        .isEqualTo(new TheilSen(0.0, 3.0));
    assertThat(TheilSen.fit(new double[] {7}, new double[] {-2.5}))
        .isEqualTo(new TheilSen(0.0, -2.5));
  }

  @Test
  void theilSen_valueAt_followsTheLine() {
    TheilSen line = new TheilSen(0.5, -1.0);
    assertThat(line.valueAt(0)).isEqualTo(-1.0);
    assertThat(line.valueAt(4)).isEqualTo(1.0);
  }

  @Test
  void theilSen_doesNotModifyInputs() {
    double[] x = {5, 1, 4, 2, 3};
    double[] y = {10, 0, 7, 3, 5};
    TheilSen.fit(x, y);
    assertThat(x).containsExactly(5, 1, 4, 2, 3);
    assertThat(y).containsExactly(10, 0, 7, 3, 5);
  }

  @Test
  void theilSen_emptyInput_isRefused() {
    assertThatThrownBy(() -> TheilSen.fit(new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x and y must hold at least one point but are empty");
  }

  @Test
  void theilSen_differentLengths_isRefusedWithBothLengths() {
    assertThatThrownBy(() -> TheilSen.fit(new double[] {1, 2, 3}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x and y must have the same length but x has 3 values and y has 2");
  }

  @Test
  void theilSen_nonFiniteOrNull_isRefusedNamingArgumentAndIndex() {
    assertThatThrownBy(() -> TheilSen.fit(new double[] {1, Double.NaN}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x[1] must be a finite number but was 'NaN'");
    assertThatThrownBy(() -> TheilSen.fit(new double[] {1, 2}, new double[] {Double.POSITIVE_INFINITY, 2}))
        .hasMessage("y[0] must be a finite number but was 'Infinity'");
    assertThatThrownBy(() -> TheilSen.fit(null, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x must not be null");
    assertThatThrownBy(() -> TheilSen.fit(new double[] {1}, null))
        .hasMessage("y must not be null");
  }

  @Test
  void theilSen_overflowingDifferences_areRefused() {
    double big = Double.MAX_VALUE;
    assertThatThrownBy(() -> TheilSen.fit(new double[] {0, 1}, new double[] {-big, big}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overflows");
  }

  @Test
  void theilSen_nonFiniteCoefficients_cannotBeBuilt() {
    assertThatThrownBy(() -> new TheilSen(Double.NaN, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("slope and intercept must be finite but were NaN and 0.0");
  }

  @Test
  void theilSenSlope_anyPoints_isTheFittedSlopeAndTheMedianOfAllPairwiseSlopes() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    for (int trial = 0; trial < 500; trial++) {
      int n = 1 + random.nextInt(40);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = random.nextInt(15); // repeats, so some pairs are skipped
        y[i] = random.nextDouble(-100, 100);
      }
      double naive = naiveSlope(x, y);
      assertThat(TheilSen.slope(x, y)).isEqualTo(TheilSen.fit(x, y).slope())
          .isCloseTo(naive, within(1e-12 * Math.max(1, Math.abs(naive))));
    }
  }

  /** The definition, spelled out: every pairwise slope with distinct x, sorted, the middle one (or two). */
  private static double naiveSlope(double[] x, double[] y) {
    java.util.List<Double> slopes = new java.util.ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      for (int j = i + 1; j < x.length; j++) {
        if (x[j] != x[i]) {
          slopes.add((y[j] - y[i]) / (x[j] - x[i]));
        }
      }
    }
    if (slopes.isEmpty()) {
      return 0.0;
    }
    java.util.Collections.sort(slopes);
    int m = slopes.size();
    return m % 2 == 1 ? slopes.get(m / 2) : (slopes.get(m / 2 - 1) + slopes.get(m / 2)) / 2;
  }

  @Test
  void theilSenSlope_fewerThanTwoDistinctX_isZero() {
    assertThat(TheilSen.slope(new double[] {4, 4, 4}, new double[] {1, 9, 3})).isEqualTo(0.0);
  }

  @Test
  void theilSenSlope_badInput_isRefusedAsFitRefusesIt() {
    assertThatThrownBy(() -> TheilSen.slope(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x and y must have the same length but x has 2 values and y has 1");
    assertThatThrownBy(() -> TheilSen.slope(new double[] {1, Double.NaN}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x[1] must be a finite number but was 'NaN'");
  }
}
