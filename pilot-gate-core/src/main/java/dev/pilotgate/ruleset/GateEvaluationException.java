package dev.pilotgate.ruleset;

import dev.pilotgate.error.PilotGateException;

/**
 * The rules failed on a pilot: a rule threw, the rules kept firing past the policy's
 * {@code engine.maxRuleFirings}, or they decided no outcome. Names the pilot, the rule (when
 * one is to blame) and the rule-set version. The evaluator stays usable. A rule that threw is
 * the subclass {@link RuleExecutionException}.
 */
public class GateEvaluationException extends PilotGateException {
  private static final long serialVersionUID = 1L;
  private final String pilotId;
  private final String rule;
  private final String rulesVersion;

  public GateEvaluationException(String pilotId, String rule, String rulesVersion, String message, Throwable cause) {
    super("pilot '" + pilotId + "'" + (rule == null ? "" : ", rule '" + rule + "'")
        + " (rules " + rulesVersion + "): " + message, cause);
    this.pilotId = pilotId;
    this.rule = rule;
    this.rulesVersion = rulesVersion;
  }

  /** The pilot being evaluated. */
  public String pilotId() {
    return pilotId;
  }

  /** The rule to blame, or {@code null} when no single rule is. */
  public String rule() {
    return rule;
  }

  /** The rule-set version that failed. */
  public String rulesVersion() {
    return rulesVersion;
  }
}
