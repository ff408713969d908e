package dev.pilotgate.internal.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Numbers must be written in plain decimal. YAML 1.1, which SnakeYAML and Jackson follow, also
 * reads {@code 0x1A} as hexadecimal 26, {@code 017} as octal 15 (YAML 1.2 reads it as 17),
 * {@code 0b101} as binary 5 and {@code 1_000} as 1000; other tools read the same text as another
 * number or as a text, so a pilot document refuses them and says what to write instead. The forms
 * that neither reads as a number ({@code 0o17} of YAML 1.2, {@code 0X1A}, {@code 08}) are named
 * the same way. JSON refuses all of them already, as not well-formed. Thread-safe.
 */
final class NumberSyntax {
  private static final Pattern DECIMAL_WITH_UNDERSCORES =
      Pattern.compile("[-+]?[0-9_]*[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?");
  private static final Pattern RADIX_DIGITS = Pattern.compile("[0-9a-fA-F_]+");

  private NumberSyntax() {}

  /**
   * What is wrong with {@code written} as a number (e.g. {@code must be a decimal number but was
   * 0x1A, a hexadecimal number: write 26}), or {@code null} when it is not one of the forms above.
   */
  static String problem(String written) {
    if (written == null || written.length() < 2) {
      return null;
    }
    int start = written.charAt(0) == '-' || written.charAt(0) == '+' ? 1 : 0;
    String sign = written.charAt(0) == '-' ? "-" : "";
    if (written.length() > start + 1 && written.charAt(start) == '0') {
      char second = Character.toLowerCase(written.charAt(start + 1));
      int radix = second == 'x' ? 16 : second == 'o' ? 8 : second == 'b' ? 2 : 0;
      if (radix != 0) {
        String name = radix == 16 ? "a hexadecimal" : radix == 8 ? "an octal" : "a binary";
        BigInteger value = parse(written.substring(start + 2), radix);
        return "must be a decimal number but was " + written + ", " + name + " number"
            + (value == null ? "" : ": write " + sign + value);
      }
      if ((Character.isDigit(second) || second == '_') && DECIMAL_WITH_UNDERSCORES.matcher(written).matches()) {
        String digits = written.substring(start);
        BigInteger octal = digits.matches("0[0-7_]+") ? parse(digits, 8) : null;
        String decimal = sign + new BigDecimal(digits.replace("_", "")).toPlainString();
        if (octal != null && !octal.toString().equals(decimal.replace("-", ""))) {
          return "must be a decimal number without a leading zero but was " + written + ", which YAML 1.1 reads as"
              + " octal (" + sign + octal + ") and YAML 1.2 as " + decimal + ": write the one meant without the 0";
        }
        return "must be a decimal number without a leading zero but was " + written + ": write " + decimal;
      }
    }
    if (written.indexOf('_') >= 0 && DECIMAL_WITH_UNDERSCORES.matcher(written).matches()) {
      return "must be a number without underscores but was " + written + ": write "
          + written.replace("_", "").replace("+", "");
    }
    return null;
  }

  private static BigInteger parse(String digits, int radix) {
    String plain = digits.replace("_", "");
    if (plain.isEmpty() || !RADIX_DIGITS.matcher(digits).matches()) {
      return null;
    }
    try {
      return new BigInteger(plain, radix);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
