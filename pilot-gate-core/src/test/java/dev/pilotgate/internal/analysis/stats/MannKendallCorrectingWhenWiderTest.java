package dev.pilotgate.internal.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link MannKendall#testCorrectingWhenWider} is the analysis' former two calls in one: the
 * plain test, or the corrected one when its factor is above 1. Bit for bit, on series that
 * trend, zig-zag, tie, and are too short to test.
 */
class MannKendallCorrectingWhenWiderTest {

  private static MannKendall twoCalls(double[] y) {
    MannKendall plain = MannKendall.test(y, false);
    MannKendall corrected = MannKendall.test(y, true);
    return corrected.varianceCorrection() > 1 ? corrected : plain;
  }

  @Test
  void equalsTheTwoCalls_onRandomSeries() {
    SplittableRandom random = new SplittableRandom(20260601);
    int corrected = 0;
    int plain = 0;
    for (int i = 0; i < 5_000; i++) {
      int n = random.nextInt(0, 40);
      double slope = random.nextDouble(-0.05, 0.05);
      double noise = random.nextInt(4) == 0 ? 0 : random.nextDouble(0, 0.2);
      boolean zigzag = random.nextInt(3) == 0;
      double[] y = new double[n];
      double walk = 0;
      for (int t = 0; t < n; t++) {
        walk += noise == 0 ? 0 : random.nextDouble(-noise, noise);
        double v = slope * t + (zigzag ? (t % 2 == 0 ? noise : -noise) : walk);
        y[t] = random.nextInt(5) == 0 ? Math.round(v * 10) / 10.0 : v; // ties now and then
      }
      MannKendall expected = twoCalls(y);
      assertThat(MannKendall.testCorrectingWhenWider(y)).as("series %d", i).isEqualTo(expected);
      if (expected.varianceCorrection() > 1) {
        corrected++;
      } else {
        plain++;
      }
    }
    assertThat(corrected).as("series where the correction widens").isGreaterThan(500);
    assertThat(plain).as("series where it does not").isGreaterThan(500);
  }

  @Test
  void degenerateSeries_giveNoEvidence() {
    assertThat(MannKendall.testCorrectingWhenWider(new double[0])).isEqualTo(MannKendall.test(new double[0], true));
    assertThat(MannKendall.testCorrectingWhenWider(new double[] {1})).isEqualTo(MannKendall.test(new double[] {1}));
    double[] flat = {2, 2, 2, 2, 2};
    assertThat(MannKendall.testCorrectingWhenWider(flat)).isEqualTo(MannKendall.test(flat, false));
  }
}
