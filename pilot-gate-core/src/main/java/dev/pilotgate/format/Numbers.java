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
    String fast = fromShortestDigits(v);
    if (fast != null) {
      return fast;
    }
    String s = BigDecimal.valueOf(v).round(THREE).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  /**
   * The same rounding as BigDecimal.valueOf(v).round(3, HALF_UP), done on the digits of
   * Double.toString (which BigDecimal.valueOf reads too) without building BigDecimals: messages
   * format many numbers per decision. Null where it does not apply (exponents beyond plain
   * notation's reach here), and BigDecimal decides.
   */
  static String fromShortestDigits(double v) {
    String s = Double.toString(Math.abs(v));
    int e = s.indexOf('E');
    int exp = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
    String mantissa = e < 0 ? s : s.substring(0, e);
    int dot = mantissa.indexOf('.');
    String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
    int point = dot + exp; // the value is 0.digits x 10^point, with digits as written
    int lead = 0;
    while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
      lead++;
    }
    digits = digits.substring(lead);
    point -= lead;
    if (point < -20 || point > 20) {
      return null;
    }
    char[] d = new char[3];
    for (int i = 0; i < 3; i++) {
      d[i] = i < digits.length() ? digits.charAt(i) : '0';
    }
    if (digits.length() > 3 && digits.charAt(3) >= '5') {
      int i = 2;
      while (i >= 0 && d[i] == '9') {
        d[i] = '0';
        i--;
      }
      if (i < 0) { // 999.5 -> 1000: one more digit before the point
        d[0] = '1';
        d[1] = '0';
        d[2] = '0';
        point++;
      } else {
        d[i]++;
      }
    }
    int n = 3;
    while (n > 1 && d[n - 1] == '0') {
      n--;
    }
    StringBuilder out = new StringBuilder(24);
    if (v < 0) {
      out.append('-');
    }
    if (point <= 0) {
      out.append("0.");
      for (int i = 0; i < -point; i++) {
        out.append('0');
      }
      out.append(d, 0, n);
    } else if (point >= n) {
      out.append(d, 0, n);
      for (int i = n; i < point; i++) {
        out.append('0');
      }
    } else {
      out.append(d, 0, point).append('.').append(d, point, n - point);
    }
    return out.toString();
  }

  /** A share as a percentage, the percentage written as {@link #number}: 0.0204 gives "2.04%", 0.6 gives "60%". */
  public static String percent(double share) {
    return number(BigDecimal.valueOf(share).movePointRight(2).doubleValue()) + "%";
  }
}
