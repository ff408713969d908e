package dev.pilotgate.internal.engine;

import dev.pilotgate.policy.Policy;
import dev.pilotgate.ruleset.RuleProblem;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads and checks a policy file. A key this library knows takes a value of its kind (a share
 * between 0 and 1, a whole number, ...); keys the analysis and the engine read have defaults
 * ({@link #DEFAULTS}), so a policy file need hold only the keys its rules read. Whether every key
 * the rules read is defined is checked against the rules ({@link CompiledRuleSet}). Problems carry
 * the file and line.
 */
public final class PolicyReader {
  /** What a value may be. */
  enum Kind { WHOLE, RATE, NON_NEGATIVE, POSITIVE_WHOLE }

  /** The keys the bundled rules, the analysis and the engine know, with the kind of value each takes. */
  static final Map<String, Kind> KINDS;

  /**
   * Keys read by the analysis (before the rules fire) and the engine, with the value used when the
   * policy file does not define them: the bundled policy's values. Documented in docs/rules.md.
   */
  public static final Map<String, Double> DEFAULTS = Map.ofEntries(
      Map.entry("gate.periodDays", 30.0),
      Map.entry("adoption.windowDays", 14.0),
      Map.entry("metric.minObservations", 8.0),
      Map.entry("metric.trend.maxPValue", 0.10),
      Map.entry("metric.trend.autocorrelation.minObservations", 10.0),
      Map.entry("metric.recentWindowDays", 90.0),
      Map.entry("metric.met.points", 3.0),
      Map.entry("purgatory.graceDays", 30.0),
      Map.entry("engine.maxRuleFirings", 10000.0),
      Map.entry("engine.maxEvaluationMillis", 1000.0),
      Map.entry("engine.maxFacts", 2000.0),
      Map.entry("review.intervalDays", 14.0),
      Map.entry("waiver.maxDays", 90.0));

  static {
    Map<String, Kind> m = new LinkedHashMap<>();
    m.put("gate.periodDays", Kind.POSITIVE_WHOLE);
    m.put("cohort.min", Kind.POSITIVE_WHOLE);
    m.put("cohort.max", Kind.POSITIVE_WHOLE);
    m.put("adoption.windowDays", Kind.POSITIVE_WHOLE);
    m.put("adoption.activeShare.min", Kind.RATE);
    m.put("fullRollout.share", Kind.RATE);
    m.put("production.activeShare.min", Kind.RATE);
    m.put("production.usageDecay.max", Kind.RATE);
    m.put("metric.minObservations", Kind.POSITIVE_WHOLE);
    m.put("metric.trend.maxPValue", Kind.RATE);
    m.put("metric.trend.autocorrelation.minObservations", Kind.POSITIVE_WHOLE);
    m.put("metric.recentWindowDays", Kind.POSITIVE_WHOLE);
    m.put("metric.met.points", Kind.POSITIVE_WHOLE);
    m.put("metric.maxStaleDays", Kind.POSITIVE_WHOLE);
    m.put("data.audit.maxAgeDays", Kind.POSITIVE_WHOLE);
    m.put("data.duplicateRate.max", Kind.RATE);
    m.put("data.missingHistoryMonths.max", Kind.WHOLE);
    m.put("data.inconsistentFormatRate.max", Kind.RATE);
    m.put("data.sensorOffset.max", Kind.NON_NEGATIVE);
    m.put("purgatory.graceDays", Kind.WHOLE);
    m.put("budget.implementationToAnnualSoftware.min", Kind.NON_NEGATIVE);
    m.put("readiness.prep.minWeeks", Kind.WHOLE);
    m.put("readiness.prep.maxWeeks", Kind.WHOLE);
    m.put("readiness.rollout.minWeeks", Kind.WHOLE);
    m.put("readiness.rollout.maxWeeks", Kind.WHOLE);
    m.put("readiness.production.minWeeks", Kind.WHOLE);
    m.put("readiness.production.maxWeeks", Kind.WHOLE);
    m.put("readiness.medium.maxGaps", Kind.POSITIVE_WHOLE);
    m.put("readiness.remediation.medium.minWeeks", Kind.WHOLE);
    m.put("readiness.remediation.medium.maxWeeks", Kind.WHOLE);
    m.put("readiness.remediation.low.minWeeks", Kind.WHOLE);
    m.put("readiness.remediation.low.maxWeeks", Kind.WHOLE);
    m.put("gate.overdueDays", Kind.WHOLE);
    m.put("production.upkeepDays", Kind.POSITIVE_WHOLE);
    m.put("review.intervalDays", Kind.POSITIVE_WHOLE);
    m.put("engine.maxRuleFirings", Kind.POSITIVE_WHOLE);
    m.put("engine.maxEvaluationMillis", Kind.POSITIVE_WHOLE);
    m.put("engine.maxFacts", Kind.POSITIVE_WHOLE);
    m.put("waiver.maxDays", Kind.POSITIVE_WHOLE);
    KINDS = Map.copyOf(m);
  }

  private PolicyReader() {}

  /**
   * Parses {@code file}, adding a problem per bad value; returns the policy (the file's values over
   * {@link #DEFAULTS}), or {@code null} if any problem was found.
   */
  public static Policy read(RuleFile file, List<RuleProblem> problems) {
    String text = file.text();
    Properties props = new Properties();
    try {
      props.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      problems.add(new RuleProblem(file.display(), 0, "cannot be parsed as a properties file: " + e.getMessage()));
      return null;
    }
    Map<String, Integer> lines = lineNumbers(text);
    Map<String, Double> values = new HashMap<>();
    int before = problems.size();
    for (String key : props.stringPropertyNames()) {
      String raw = props.getProperty(key).trim();
      int line = lines.getOrDefault(key, 0);
      Double value = parse(raw);
      if (value == null) {
        problems.add(new RuleProblem(file.display(), line, key + " must be a number but was '" + raw + "'"));
        continue;
      }
      String bad = check(KINDS.get(key), value);
      if (bad != null) {
        problems.add(new RuleProblem(file.display(), line, key + " must be " + bad + " but was " + raw));
        continue;
      }
      values.put(key, value);
    }
    checkPair(values, "cohort.min", "cohort.max", file, lines, problems);
    for (String level : List.of("high", "medium", "low")) {
      checkPair(values, "readiness." + level + ".minWeeks", "readiness." + level + ".maxWeeks", file, lines, problems);
    }
    Map<String, Double> all = new HashMap<>(DEFAULTS);
    all.putAll(values);
    return problems.size() == before ? new Policy(all) : null;
  }

  private static void checkPair(Map<String, Double> values, String minKey, String maxKey, RuleFile file,
      Map<String, Integer> lines, List<RuleProblem> problems) {
    Double min = values.get(minKey);
    Double max = values.get(maxKey);
    if (min != null && max != null && min > max) {
      problems.add(new RuleProblem(file.display(), lines.getOrDefault(maxKey, 0),
          maxKey + " (" + max + ") must be at least " + minKey + " (" + min + ")"));
    }
  }

  private static Double parse(String raw) {
    try {
      double v = Double.parseDouble(raw);
      return Double.isFinite(v) ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String check(Kind kind, double v) {
    if (kind == null) {
      return null; // a key of the operator's own: any finite number
    }
    boolean ok = switch (kind) {
      case WHOLE -> v == Math.rint(v) && v >= 0;
      case POSITIVE_WHOLE -> v == Math.rint(v) && v > 0;
      case RATE -> v >= 0 && v <= 1;
      case NON_NEGATIVE -> v >= 0;
    };
    return ok ? null : describe(kind);
  }

  private static String describe(Kind kind) {
    return switch (kind) {
      case WHOLE -> "a whole number, 0 or more";
      case POSITIVE_WHOLE -> "a whole number, 1 or more";
      case RATE -> "a share between 0 and 1";
      case NON_NEGATIVE -> "a number, 0 or more";
    };
  }

  /** Line of each key's (last) definition, so problems can point at it. */
  static Map<String, Integer> lineNumbers(String text) {
    Map<String, Integer> lines = new HashMap<>();
    String[] all = text.split("\\R", -1);
    for (int i = 0; i < all.length; i++) {
      String line = all[i].strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      int end = 0;
      while (end < line.length() && "=: \t".indexOf(line.charAt(end)) < 0) {
        end++;
      }
      lines.put(line.substring(0, end), i + 1);
    }
    return lines;
  }
}
