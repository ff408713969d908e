package dev.pilotgate.facts;

/**
 * How a rule reports a finding: one call that names the code and binds the evidence. Rules reach
 * it through the global {@code findings}:
 *
 * <pre>{@code
 * global dev.pilotgate.facts.Findings findings;
 *
 * rule "DATA_DUPLICATES"
 * when
 *     $s : DataSource( duplicateRate != null, duplicateRate > policy.get("data.duplicateRate.max") )
 * then
 *     findings.add("DATA_DUPLICATES", "source", $s.name(), "duplicateRate", $s.duplicateRate(),
 *         "max", policy.get("data.duplicateRate.max"));
 * end
 * }</pre>
 *
 * <p>The code's root cause, severity, the outcome it calls for, and its message and action
 * templates come from the rule set's finding catalogue ({@code findings.properties}); the
 * evidence fills the templates' placeholders; the engine adds the rule's name. A code may have
 * variants ({@code "LOW_EARLY_ADOPTER_USAGE.early"}) that differ in severity or wording; the
 * finding keeps the code before the dot. The code and the evidence names must be string literals:
 * an unknown code, or a placeholder the call does not bind, is a load error at the call's file and
 * line.
 *
 * <p>The engine gives each evaluation its own instance; it is used by one thread. Stable: part of
 * the rule author's contract (docs/rules.md, "Writing a rule").
 */
public interface Findings {
  /**
   * Reports the finding {@code code} with its evidence.
   *
   * @param code     a code of the catalogue, optionally with a variant: {@code "CODE"} or {@code "CODE.variant"}
   * @param evidence names and values in turn: {@code "source", $s.name(), "max", 0.02}; every name a string
   */
  void add(String code, Object... evidence);
}
