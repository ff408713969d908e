package dev.pilotgate.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one way pilot-gate writes a number for people: in finding messages (from the catalogue's
 * templates), in the text and HTML reports, and where evidence is shown. Whole numbers exactly
 * (1234 stays 1234, up to 10<sup>12</sup>); other values to three significant digits, rounding the
 * decimal as Java writes it half up (1.005 gives 1.01, 0.020408 gives 0.0204); never "-0".
 * Locale-independent. Stateless and thread-safe; stable.
 */
public final class Numbers {
  private static final MathContext THREE = new MathContext(3, RoundingMode.HALF_UP);

  private Numbers() {}

  /** {@code v} as described above; NaN and infinities as Java writes them. */
  public static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return String.valueOf(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return Long.toString((long) v);
    }
    String s = BigDecimal.valueOf(v).round(THREE).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  /** A share as a percentage, the percentage written as {@link #number}: 0.0204 gives "2.04%", 0.6 gives "60%". */
  public static String percent(double share) {
    return number(BigDecimal.valueOf(share).movePointRight(2).doubleValue()) + "%";
  }
}
