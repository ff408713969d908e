package dev.pilotgate.decision;

import java.util.List;
import java.util.Objects;

/**
 * A decision with the rules that fired to make it, in firing order (a rule that fired for
 * several facts appears once per firing). For rule authors and scenario coverage.
 * Immutable and thread-safe.
 *
 * @param decision   the decision
 * @param firedRules names of the rules that fired, in order
 */
public record Explanation(GateDecision decision, List<String> firedRules) {
  public Explanation {
    Objects.requireNonNull(decision, "decision");
    firedRules = List.copyOf(firedRules);
  }
}
