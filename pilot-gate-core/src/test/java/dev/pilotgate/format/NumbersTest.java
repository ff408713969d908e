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
}
