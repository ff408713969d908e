/**
 * {@link dev.pilotgate.policy.Policy}, the thresholds a rule set reads from its
 * {@code policy.properties}, seen by rules as the global {@code policy}. Keys are read with string
 * literals only, so that a rule set's keys are known when it loads: a key a rule reads that the
 * policy lacks is a load error at the rule's file and line; a key nothing reads is a warning. Part
 * of the rule author's contract (docs/rules.md); stable.
 */
package dev.pilotgate.policy;
