/**
 * The life of a rule set, as a host sees it: its problems ({@link dev.pilotgate.ruleset.RuleProblem},
 * a file, a line and a message), the events of a live reload ({@link dev.pilotgate.ruleset.RuleSetEvent},
 * {@link dev.pilotgate.ruleset.RuleSetListener}), the state of the active rules
 * ({@link dev.pilotgate.ruleset.RuleSetStatus}), and what fails: a rule set that does not load
 * ({@link dev.pilotgate.ruleset.RuleSetException}) and an evaluation the rules could not finish
 * ({@link dev.pilotgate.ruleset.GateEvaluationException}, {@link dev.pilotgate.ruleset.RuleExecutionException}),
 * all under {@link dev.pilotgate.error.PilotGateException}. Values are immutable; stable.
 */
package dev.pilotgate.ruleset;
