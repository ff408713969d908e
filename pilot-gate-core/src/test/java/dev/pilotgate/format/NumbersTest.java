package dev.pilotgate.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one number format of messages, reports and evidence: whole numbers exactly, others to three significant digits. */
class NumbersTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "1234, 1234",           // whole numbers exactly, not 1230
      "60000, 60000",
      "1.005, 1.01",          // the decimal as Java writes it, rounded half up (the binary value is 1.00499...)
      "0.020408, 0.0204",
      "0.7284999999999999, 0.728",
      "1234.5, 1230",
      "999.5, 1000",
      "-0.08563809523809521, -0.0856",
      "-0.0000001, -0.0000001",
      "0.0, 0",
      "-0.0, 0",
      "-0.0004, -0.0004",
      "NaN, NaN",
      "Infinity, Infinity"})
  void number(double value, String expected) {
    assertThat(Numbers.number(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "0.0204, 2.04%",
      "0.6, 60%",
      "0.05, 5%",
      "0.051, 5.1%",
      "-0.051, -5.1%",
      "0.333333333, 33.3%",
      "1, 100%"})
  void percent(double share, String expected) {
    assertThat(Numbers.percent(share)).isEqualTo(expected);
  }

  /** The digit-string fast path gives exactly what BigDecimal's rounding gives, on every kind of double. */
  @org.junit.jupiter.api.Test
  void fastPath_agreesWithBigDecimal_onMillionsOfDoubles() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(20261202);
    java.math.MathContext three = new java.math.MathContext(3, java.math.RoundingMode.HALF_UP);
    int checked = 0;
    for (int i = 0; i < 2_000_000; i++) {
      double v = switch (i % 4) {
        case 0 -> random.nextDouble() * Math.pow(10, random.nextInt(-12, 13));
        case 1 -> -random.nextDouble() * Math.pow(10, random.nextInt(-12, 13));
        case 2 -> Double.longBitsToDouble(random.nextLong());
        default -> Math.round(random.nextDouble() * 100_000) / Math.pow(10, random.nextInt(1, 6)) + 0.0005 * random.nextInt(3);
      };
      if (Double.isNaN(v) || Double.isInfinite(v) || v == Math.rint(v)) {
        continue;
      }
      String fast = Numbers.fromShortestDigits(v);
      if (fast == null) {
        continue;
      }
      String exact = java.math.BigDecimal.valueOf(v).round(three).stripTrailingZeros().toPlainString();
      assertThat(fast).as("%s", v).isEqualTo(exact.equals("-0") ? "0" : exact);
      checked++;
    }
    assertThat(checked).isGreaterThan(1_000_000);
  }
}
