package dev.pilotgate.report;

import dev.pilotgate.decision.TrendVerdict;
import dev.pilotgate.format.Numbers;
import dev.pilotgate.model.Direction;
import dev.pilotgate.model.Stage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Locale-independent formatting of numbers, coordinates, stages and evidence, so that the
 * same input gives the same bytes on every machine. Stateless and thread-safe.
 */
final class Fmt {
  private Fmt() {}

  /** A measured value, as every message writes numbers: {@link Numbers#number}. */
  static String num(double v) {
    return Numbers.number(v);
  }

  /** A share as a whole percentage, e.g. {@code 0.45} → {@code 45%}. */
  static String percent(double share) {
    return num(BigDecimal.valueOf(share * 100).setScale(0, RoundingMode.HALF_UP).doubleValue()) + "%";
  }

  /** An SVG coordinate, to one decimal. */
  static String xy(double v) {
    long tenths = Math.round(v * 10);
    String sign = tenths < 0 ? "-" : "";
    long abs = Math.abs(tenths);
    return abs % 10 == 0 ? sign + abs / 10 : sign + abs / 10 + "." + abs % 10;
  }

  /** A tick label with {@code decimals} places. */
  static String fixed(double v, int decimals) {
    String s = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    return s.matches("-0(\\.0+)?") ? s.substring(1) : s;
  }

  /** "4 · Controlled rollout". */
  static String stage(Stage s) {
    return s.number() + " · " + stageName(s);
  }

  /** "Controlled rollout". */
  static String stageName(Stage s) {
    return switch (s) {
      case DEFINE_CRITERIA -> "Define criteria";
      case ACTIVATE_OWNER -> "Activate owner";
      case DATA_AUDIT -> "Data audit";
      case CONTROLLED_ROLLOUT -> "Controlled rollout";
      case ORG_WIDE_ADOPTION -> "Org-wide adoption";
      case PRODUCTION -> "Production";
    };
  }

  static String direction(Direction d) {
    return d == Direction.HIGHER_IS_BETTER ? "higher is better" : "lower is better";
  }

  static String verdict(TrendVerdict v) {
    return switch (v) {
      case IMPROVING -> "improving";
      case NO_SIGNIFICANT_CHANGE -> "no significant change";
      case WORSENING -> "worsening";
      case INSUFFICIENT_DATA -> "too few observations";
      case TARGET_NOT_BETTER -> "target not better than baseline";
    };
  }

  static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** An evidence key in words: {@code activeShare} → {@code active share}. */
  static String key(String key) {
    StringBuilder out = new StringBuilder(key.length() + 4);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        out.append(' ');
      }
      out.append(c == '_' ? ' ' : Character.toLowerCase(c));
    }
    return out.toString();
  }

  /** An evidence value: numbers as {@link #num}, lists joined, booleans as yes/no, maps sorted by key. */
  static String value(Object v) {
    if (v == null) {
      return "—";
    }
    if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
      return num(((Number) v).doubleValue());
    }
    if (v instanceof Number || v instanceof String || v instanceof Character) {
      return v.toString();
    }
    if (v instanceof Boolean b) {
      return b ? "yes" : "no";
    }
    if (v instanceof LocalDate || v instanceof TemporalAccessor) {
      return v.toString();
    }
    if (v instanceof Collection<?> c) {
      return c.isEmpty() ? "none" : c.stream().map(Fmt::value).collect(Collectors.joining(", "));
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
      return sorted.isEmpty() ? "none" : sorted.entrySet().stream()
          .map(e -> e.getKey() + ": " + value(e.getValue()))
          .collect(Collectors.joining(", "));
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    return v.toString();
  }

  /** Lower-case words of an enum constant: {@code NO_SIGNIFICANT_CHANGE} → {@code no significant change}. */
  static String words(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
