package dev.pilotgate.decision;

import dev.pilotgate.model.GateOutcome;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One thing the rules found about a pilot, with the evidence behind it.
 *
 * <p>{@code outcome} is the gate outcome this finding calls for, or {@code null} for a
 * finding that only informs. A {@link Severity#BLOCKER} always calls for {@code HOLD},
 * {@code DIAGNOSE} or {@code KILL} ({@code HOLD} when not given); only a BLOCKER may call for
 * {@code DIAGNOSE} or {@code KILL}; only an {@link Severity#INFO} finding may call for
 * {@code GO} (a gate's "output exists" finding); any finding may call for {@code HOLD}
 * (e.g. "the gate is not due yet"). The decision's outcome is the highest-precedence outcome
 * any finding calls for. Evidence is copied and sorted by key. Immutable and
 * thread-safe.
 *
 * @param code      the finding code, upper snake case (e.g. {@code DATA_DUPLICATES}); required
 * @param rootCause the area it belongs to; required
 * @param severity  how much it weighs; required
 * @param outcome   the outcome it calls for, or {@code null}
 * @param message   what was found, for a manager; required
 * @param evidence  the measured values, thresholds, dates and names behind it; may be empty
 * @param action    the recommended action, or {@code null}
 * @param rule      the name of the rule that produced it; required
 * @param toPass    what it would take to clear it, for a finding that compares a value with a threshold; else
 *                  {@code null}
 */
public record Finding(
    String code,
    RootCause rootCause,
    Severity severity,
    GateOutcome outcome,
    String message,
    Map<String, Object> evidence,
    String action,
    String rule,
    ToPass toPass) {

  /** A finding without {@code toPass}. */
  public Finding(String code, RootCause rootCause, Severity severity, GateOutcome outcome, String message,
      Map<String, Object> evidence, String action, String rule) {
    this(code, rootCause, severity, outcome, message, evidence, action, rule, null);
  }

  /** Whether {@code code} is upper snake case, {@code [A-Z][A-Z0-9_]*}: checked on every finding, so without a regex. */
  private static boolean isCode(String code) {
    if (code.isEmpty() || code.charAt(0) < 'A' || code.charAt(0) > 'Z') {
      return false;
    }
    for (int i = 1; i < code.length(); i++) {
      char c = code.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** This finding with {@code action} in place of its own. */
  public Finding withAction(String action) {
    return new Finding(code, rootCause, severity, outcome, message, evidence, action, rule, toPass);
  }

  /** This finding as a WARNING that calls for nothing: a gap that no longer decides the gate. */
  public Finding asWarning() {
    return new Finding(code, rootCause, Severity.WARNING, null, message, evidence, action, rule, toPass);
  }

  /**
   * This finding as a WARNING that calls for nothing and must be closed by {@code dueOn}: an upkeep
   * gap of a production system. The due date is in the evidence ({@code dueOn}) and the action.
   */
  public Finding asWarningDueBy(java.time.LocalDate dueOn) {
    Map<String, Object> due = new TreeMap<>(evidence);
    due.put("dueOn", dueOn.toString());
    String by = action == null ? null : action.endsWith(".") ? action + " Due by " + dueOn + "." : action;
    return new Finding(code, rootCause, Severity.WARNING, null, message, due, by, rule, toPass);
  }

  public Finding {
    Objects.requireNonNull(code, "code");
    if (!isCode(code)) {
      throw new IllegalArgumentException("code must be upper snake case but was '" + code + "'");
    }
    Objects.requireNonNull(rootCause, "rootCause");
    Objects.requireNonNull(severity, "severity");
    if (severity == Severity.BLOCKER) {
      if (outcome == null) {
        outcome = GateOutcome.HOLD;
      } else if (outcome == GateOutcome.GO) {
        throw new IllegalArgumentException("a BLOCKER finding cannot call for GO (" + code + ")");
      }
    } else if (outcome == GateOutcome.DIAGNOSE || outcome == GateOutcome.KILL) {
      throw new IllegalArgumentException(
          "only a BLOCKER finding can call for " + outcome + " but " + code + " is " + severity);
    } else if (outcome == GateOutcome.GO && severity != Severity.INFO) {
      throw new IllegalArgumentException("only an INFO finding can call for GO but " + code + " is " + severity);
    }
    Objects.requireNonNull(message, "message");
    evidence = evidence == null || evidence.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new TreeMap<>(evidence));
    Objects.requireNonNull(rule, "rule");
  }
}
