package dev.pilotgate.bench.floor;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The floor's own copy of the frozen rules' number formatting (functions.drl's {@code round}):
 * up to three significant digits, as
 * {@code new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString()}
 * gives them (rounding half up on the exact binary value), "n/a" for none and "0" for zero.
 * Copied from core's {@code Significant} of commit 2a3c676 (since deleted from core), with its
 * integer fast path, so that the floor costs what it cost when its figures were first measured:
 * values from 10<sup>-25</sup> up to 1000 are rounded in 128-bit integer arithmetic, others take
 * the {@link BigDecimal} path. Stateless; safe from any thread.
 */
final class ThreeDigits {
  private static final MathContext THREE = new MathContext(3);
  /** 5<sup>p</sup> for p = 0..27, the largest power of five below 2<sup>63</sup>. */
  private static final long[] POW5 = new long[28];

  static {
    POW5[0] = 1;
    for (int i = 1; i < POW5.length; i++) {
      POW5[i] = POW5[i - 1] * 5;
    }
  }

  private ThreeDigits() {}

  /** As functions.drl's {@code round}: up to three significant digits, "n/a" for none, "0" for zero. */
  static String round(Double value) {
    if (value == null) {
      return "n/a";
    }
    double v = value;
    if (v == 0) {
      return "0";
    }
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return String.valueOf(value);
    }
    String fast = fast(v);
    return fast != null ? fast : exact(v);
  }

  /** The reference: the exact binary value rounded by {@link BigDecimal}. */
  static String exact(double v) {
    return new BigDecimal(v).round(THREE).stripTrailingZeros().toPlainString();
  }

  /** The same as {@link #exact} for 1e-25 &lt; |v| &lt; 1000, else null. */
  static String fast(double v) {
    double a = Math.abs(v);
    if (!(a > 1e-25 && a < 1000)) {
      return null;
    }
    long bits = Double.doubleToRawLongBits(a);
    int biased = (int) (bits >>> 52);
    long m = bits & 0xFFFFFFFFFFFFFL;
    int e;
    if (biased == 0) {
      e = -1074;
    } else {
      m |= 1L << 52;
      e = biased - 1075;
    }
    // a = m * 2^e exactly; find p with 100 <= a * 10^p < 1000
    int p = 2 - (int) Math.floor(Math.log10(a));
    long q = scaled(m, e, p, false);
    if (q >= 1000) {
      p--;
      q = scaled(m, e, p, false);
    } else if (q < 100) {
      p++;
      q = scaled(m, e, p, false);
    }
    if (q < 100 || q >= 1000 || p < 0 || p >= POW5.length) {
      return null;
    }
    q = scaled(m, e, p, true);
    if (q == 1000) {
      q = 100;
      p--;
    }
    while (q % 10 == 0) {
      q /= 10;
      p--;
    }
    return plain(v < 0, q, p);
  }

  /**
   * {@code m * 2^e * 10^p}: its integer part, or rounded half up when {@code round}; -1 when
   * {@code p} is out of range or the value does not fit.
   */
  private static long scaled(long m, int e, int p, boolean round) {
    if (p < 0 || p >= POW5.length) {
      return -1;
    }
    // m * 10^p * 2^e = (m * 5^p) * 2^(e+p), the product in 128 bits (both factors < 2^63)
    long pow5 = POW5[p];
    long hi = Math.multiplyHigh(m, pow5);
    long lo = m * pow5;
    int shift = e + p;
    if (shift >= 0) {
      if (hi != 0 || shift >= 11 || (lo >>> (63 - shift)) != 0) {
        return Long.MAX_VALUE; // far beyond 1000: caller's range check fails
      }
      return lo << shift;
    }
    int r = -shift;
    if (r >= 128) {
      return 0;
    }
    long whole;
    if (r >= 64) {
      whole = hi >>> (r - 64);
    } else if (hi >>> r != 0) {
      return Long.MAX_VALUE;
    } else {
      whole = (lo >>> r) | (r == 0 ? 0 : hi << (64 - r));
    }
    if (round) {
      int b = r - 1; // the first bit dropped: set when the remainder is at least one half
      long bit = b >= 64 ? (hi >>> (b - 64)) & 1 : (lo >>> b) & 1;
      whole += bit;
    }
    return whole;
  }

  /** {@code q * 10^-p} written out plainly, as {@link BigDecimal#toPlainString()} does. */
  private static String plain(boolean negative, long q, int p) {
    String digits = Long.toString(q);
    StringBuilder sb = new StringBuilder(digits.length() + Math.abs(p) + 3);
    if (negative) {
      sb.append('-');
    }
    if (p <= 0) {
      sb.append(digits);
      for (int i = 0; i < -p; i++) {
        sb.append('0');
      }
    } else if (digits.length() > p) {
      sb.append(digits, 0, digits.length() - p).append('.').append(digits, digits.length() - p, digits.length());
    } else {
      sb.append("0.");
      for (int i = 0; i < p - digits.length(); i++) {
        sb.append('0');
      }
      sb.append(digits);
    }
    return sb.toString();
  }
}
