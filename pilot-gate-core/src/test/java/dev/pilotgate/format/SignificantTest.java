package dev.pilotgate.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Significant#round} gives exactly what the {@code BigDecimal} rounding gives, on every kind of double. */
class SignificantTest {

  private static void same(double v) {
    assertThat(Significant.round(v)).as("%s (%s)", v, Double.doubleToRawLongBits(v)).isEqualTo(Significant.exact(v));
  }

  @Test
  void specialValues() {
    assertThat(Significant.round(null)).isEqualTo("n/a");
    assertThat(Significant.round(0.0)).isEqualTo("0");
    assertThat(Significant.round(-0.0)).isEqualTo("0");
    assertThat(Significant.round(Double.NaN)).isEqualTo("NaN");
    assertThat(Significant.round(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    assertThat(Significant.round(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
  }

  @Test
  void examples() {
    assertThat(Significant.round(0.0204)).isEqualTo("0.0204");
    assertThat(Significant.round(2.0)).isEqualTo("2");
    assertThat(Significant.round(0.125)).isEqualTo("0.125");
    assertThat(Significant.round(0.12345)).isEqualTo("0.123");
    assertThat(Significant.round(99.95)).isEqualTo(Significant.exact(99.95));
    assertThat(Significant.round(999.5)).isEqualTo("1000");
    assertThat(Significant.round(-0.0012345)).isEqualTo("-0.00123");
    assertThat(Significant.round(1234.5)).isEqualTo("1230");
    assertThat(Significant.round(12.0)).isEqualTo("12");
  }

  @Test
  void ties_andNearTies_decideOnTheExactBinaryValue() {
    // decimal ties that are not exact in binary fall on either side; exact binary ties round up
    for (int digits = 1000; digits < 10_000; digits++) {
      for (int scale = -6; scale <= 3; scale++) {
        double tie = (digits + 0.5) * Math.pow(10, scale - 3);
        same(tie);
        same(Math.nextUp(tie));
        same(Math.nextDown(tie));
        same(-tie);
      }
    }
    same(0.125);
    same(0.0625);
    same(0.1235);
    same(1.005);
    same(2.675);
  }

  @Test
  void powersOfTenAndTheirNeighbours() {
    for (int k = -30; k <= 6; k++) {
      double t = Math.pow(10, k);
      for (double f : new double[] {1, 0.9995, 0.99949, 0.99951, 9.995, 99.95, 999.5}) {
        double v = t * f;
        same(v);
        same(Math.nextUp(v));
        same(Math.nextDown(v));
      }
    }
  }

  @Test
  void theFastPath_takesTheValuesOfMessages() {
    for (double v : new double[] {0.0204, 2.0, 0.125, 1e-20, 999.4, -0.5, 3.14159, 0.000123456, 40.0}) {
      assertThat(Significant.fast(v)).as("%s", v).isNotNull().isEqualTo(Significant.exact(v));
    }
    assertThat(Significant.fast(1000.0)).isNull();
    assertThat(Significant.fast(1e-26)).isNull();
  }

  @Test
  void randomDoubles_ofEveryMagnitude() {
    SplittableRandom random = new SplittableRandom(42);
    int fast = 0;
    for (int i = 0; i < 2_000_000; i++) {
      double v = switch (i % 4) {
        case 0 -> Double.longBitsToDouble(random.nextLong()); // any bit pattern
        case 1 -> random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-28, 5));
        case 2 -> Math.round(random.nextDouble(0, 1e6)) / Math.pow(10, random.nextInt(0, 9)); // few decimals
        default -> random.nextDouble(-2, 2); // slopes, shares, p-values
      };
      if (!Double.isNaN(v) && !Double.isInfinite(v) && v != 0) {
        same(v);
        fast += Significant.fast(v) != null ? 1 : 0;
      }
    }
    assertThat(fast).as("values the fast path took").isGreaterThan(1_200_000);
  }

  @Test
  void subnormalsAndExtremes() {
    same(Double.MIN_VALUE);
    same(Double.MIN_NORMAL);
    same(Double.MAX_VALUE);
    same(-Double.MAX_VALUE);
    same(1e-25);
    same(1.0000000000000001e-25);
    same(999.9999999999999);
  }
}
