package dev.pilotgate.decision;

import java.util.Objects;

/**
 * Something about the input a decision was made from that the reader of the decision should
 * know, but that no rule judged: it is not a {@link Finding} (it never changes the outcome or
 * readiness). Immutable and thread-safe.
 *
 * <p>Codes: {@code DATA_AFTER_AS_OF} — records (usage, observations, decisions on record) are
 * dated after the decision day; the decision ignored them, as it decides on what could have been
 * known that day. Usually {@code asOf} is earlier than meant, or the records are mis-dated.
 *
 * @param code    upper snake case; required
 * @param field   the list of the pilot the warning is about, e.g. {@code observations}; required
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
