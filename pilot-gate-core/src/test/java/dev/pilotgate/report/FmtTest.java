package dev.pilotgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Numbers and evidence are formatted the same way on every machine. */
class FmtTest {
  @Test
  void num_wholeNumbersExactOthersToThreeSignificantDigits() {
    assertThat(Fmt.num(60000)).isEqualTo("60000");
    assertThat(Fmt.num(0.7284999999999999)).isEqualTo("0.728");
    assertThat(Fmt.num(3.703703703703707e-05)).isEqualTo("0.000037");
    assertThat(Fmt.num(-0.08563809523809521)).isEqualTo("-0.0856");
    assertThat(Fmt.num(0.82)).isEqualTo("0.82");
    assertThat(Fmt.num(-0.0000001)).isEqualTo("-0.0000001");
  }

  @Test
  void xy_coordinatesToOneDecimal() {
    assertThat(Fmt.xy(12.34)).isEqualTo("12.3");
    assertThat(Fmt.xy(12.0)).isEqualTo("12");
    assertThat(Fmt.xy(-0.04)).isEqualTo("0");
    assertThat(Fmt.xy(-3.25)).isEqualTo("-3.2");
  }

  @Test
  void evidence_keysInWordsAndValuesCompact() {
    assertThat(Fmt.key("activeShare")).isEqualTo("active share");
    assertThat(Fmt.key("maxPValue")).isEqualTo("max p value");
    assertThat(Fmt.value(List.of("tom", "lee"))).isEqualTo("tom, lee");
    assertThat(Fmt.value(List.of())).isEqualTo("none");
    assertThat(Fmt.value(0.333333333333)).isEqualTo("0.333");
    assertThat(Fmt.value(Boolean.FALSE)).isEqualTo("no");
    assertThat(Fmt.value(Map.of("b", 2, "a", 1.5))).isEqualTo("a: 1.5, b: 2");
    assertThat(Fmt.value(null)).isEqualTo("—");
  }

  @Test
  void niceStep_oneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
    assertThat(TrendChart.niceStep(0.0225)).isEqualByComparingTo(new BigDecimal("0.025"));
    assertThat(TrendChart.niceStep(3)).isEqualByComparingTo(new BigDecimal("5"));
    assertThat(TrendChart.niceStep(0.7)).isEqualByComparingTo(new BigDecimal("1"));
    assertThat(TrendChart.niceStep(120)).isEqualByComparingTo(new BigDecimal("200"));
    assertThat(TrendChart.niceStep(0)).isEqualByComparingTo(BigDecimal.ONE);
  }
}
