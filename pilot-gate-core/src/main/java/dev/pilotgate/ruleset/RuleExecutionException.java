package dev.pilotgate.ruleset;

/**
 * A rule threw while the rules decided a pilot: in its action ({@code then}), or while its
 * conditions ({@code when}) were evaluated. Names the rule, the pilot, the rule-set version and
 * the cause (also {@link #getCause()}), never a raw engine trace. Nothing was decided for the
 * pilot; the evaluator stays usable for others.
 *
 * <p>A {@link GateEvaluationException}, so code that catches that keeps working.
 */
public final class RuleExecutionException extends GateEvaluationException {
  private static final long serialVersionUID = 1L;

  /**
   * @param pilotId      the pilot being decided
   * @param rule         the rule that threw (its name as in the {@code .drl}), or {@code null} when the engine did not say
   * @param rulesVersion the rule-set version
   * @param part         where it threw: {@code "action"} or {@code "conditions"}
   * @param cause        what it threw
   */
  public RuleExecutionException(String pilotId, String rule, String rulesVersion, String part, Throwable cause) {
    super(pilotId, rule, rulesVersion, "the rule's " + part + " threw " + describe(cause)
        + "; no decision was made for this pilot: fix the rule so that it handles this pilot's data"
        + " (or correct the data), then evaluate again", cause);
  }

  private static String describe(Throwable cause) {
    return cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage().lines()
        .findFirst().orElse(""));
  }
}
