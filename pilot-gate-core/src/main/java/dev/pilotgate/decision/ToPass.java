package dev.pilotgate.decision;

import java.util.Objects;

/**
 * What it would take to clear a finding that compares a measured value with a threshold: the
 * value now, the value the policy requires, and the smallest change that clears it in a manager's
 * words ("2 more of 5 early adopters active in the 14-day window", "duplicates 8.0% → at most
 * 2.0%"). Written from the finding catalogue's {@code toPass} templates. Immutable and thread-safe.
 *
 * @param current  the measured value now (e.g. {@code "8.0%"}); required
 * @param required what the policy requires (e.g. {@code "at most 2.0%"}); required
 * @param text     the smallest change that clears the finding; required
 */
public record ToPass(String current, String required, String text) {
  public ToPass {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(required, "required");
    Objects.requireNonNull(text, "text");
  }
}
