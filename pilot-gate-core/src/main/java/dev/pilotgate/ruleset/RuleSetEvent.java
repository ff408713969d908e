package dev.pilotgate.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What happened to an attempt to (re)load a rule set. Immutable and thread-safe.
 *
 * @param kind     activated, or rejected (the previous rule set keeps serving)
 * @param version  the version that was activated or refused (refused before it could be hashed: {@code null})
 * @param at       when the attempt ended
 * @param source   the directory the rules came from
 * @param problems why it was rejected, each with file and line; empty when activated
 */
public record RuleSetEvent(Kind kind, String version, Instant at, String source, List<RuleProblem> problems) {
  /** The two ends of an attempt. */
  public enum Kind {
    /** The new rule set compiled, its policy is complete, its scenarios pass: it now decides. */
    ACTIVATED,
    /** The new rule set was refused; the previous one keeps deciding. */
    REJECTED
  }

  public RuleSetEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(source, "source");
    problems = List.copyOf(problems);
  }
}
