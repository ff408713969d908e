package dev.pilotgate.decision;

import java.util.Objects;

/**
 * Something about the input a decision was made from that the reader of the decision should
 * know, but that no rule judged: it is not a {@link Finding} (it never changes the outcome or
 * readiness). Immutable and thread-safe.
 *
 * <p>Codes: {@code DATA_AFTER_AS_OF} — parts of the pilot are dated after the decision day: usage
 * records, observations and decisions on record, and audits, which the decision ignored, as it
 * decides on what could have been known that day (a source audited later counts as not audited);
 * criterion definitions and the rollout's start, which it used as written. Usually {@code asOf} is
 * earlier than meant, or the dates are mistyped.
 *
 * @param code    upper snake case; required
 * @param field   the part of the pilot the warning is about: {@code successCriteria}, {@code dataSources},
 *                {@code rollout}, {@code usage}, {@code observations} or {@code decisions}; required
 * @param count   how many records it concerns
 * @param message what was found and what to check, for people; required
 */
public record DecisionWarning(String code, String field, int count, String message) {
  public DecisionWarning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
