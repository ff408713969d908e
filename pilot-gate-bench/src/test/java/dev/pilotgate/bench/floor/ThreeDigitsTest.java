package dev.pilotgate.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The floor's {@link ThreeDigits#round} gives exactly what the frozen functions.drl's {@code round}
 * computes with {@code BigDecimal}, on every kind of double (core's SignificantTest of commit 2a3c676,
 * against the expression itself).
 */
class ThreeDigitsTest {
  /** functions.drl's expression, as the frozen rules compute it. */
  private static String reference(double v) {
    return new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
  }

  private static void same(double v) {
    assertThat(ThreeDigits.round(v)).as("%s (%s)", v, Double.doubleToRawLongBits(v)).isEqualTo(reference(v));
  }

  @Test
  void specialValues() {
    assertThat(ThreeDigits.round(null)).isEqualTo("n/a");
    assertThat(ThreeDigits.round(0.0)).isEqualTo("0");
    assertThat(ThreeDigits.round(-0.0)).isEqualTo("0");
    assertThat(ThreeDigits.round(Double.NaN)).isEqualTo("NaN");
    assertThat(ThreeDigits.round(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    assertThat(ThreeDigits.round(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
  }

  @Test
  void examples() {
    assertThat(ThreeDigits.round(0.0204)).isEqualTo("0.0204");
    assertThat(ThreeDigits.round(2.0)).isEqualTo("2");
    assertThat(ThreeDigits.round(0.125)).isEqualTo("0.125");
    assertThat(ThreeDigits.round(0.12345)).isEqualTo("0.123");
    assertThat(ThreeDigits.round(99.95)).isEqualTo(reference(99.95));
    assertThat(ThreeDigits.round(999.5)).isEqualTo("1000");
    assertThat(ThreeDigits.round(-0.0012345)).isEqualTo("-0.00123");
    assertThat(ThreeDigits.round(1234.5)).isEqualTo("1230");
    assertThat(ThreeDigits.round(12.0)).isEqualTo("12");
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
      assertThat(ThreeDigits.fast(v)).as("%s", v).isNotNull().isEqualTo(reference(v));
    }
    assertThat(ThreeDigits.fast(1000.0)).isNull();
    assertThat(ThreeDigits.fast(1e-26)).isNull();
  }

  @Test
  void randomDoubles_ofEveryMagnitude() {
    SplittableRandom random = new SplittableRandom(42);
    int fast = 0;
    for (int i = 0; i < 400_000; i++) {
      double v = switch (i % 4) {
        case 0 -> Double.longBitsToDouble(random.nextLong()); // any bit pattern
        case 1 -> random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-28, 5));
        case 2 -> Math.round(random.nextDouble(0, 1e6)) / Math.pow(10, random.nextInt(0, 9)); // few decimals
        default -> random.nextDouble(-2, 2); // slopes, shares, p-values
      };
      if (!Double.isNaN(v) && !Double.isInfinite(v) && v != 0) {
        same(v);
        fast += ThreeDigits.fast(v) != null ? 1 : 0;
      }
    }
    assertThat(fast).as("values the fast path took").isGreaterThan(240_000);
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
