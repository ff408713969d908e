package dev.pilotgate.model;

/**
 * The answer of a stage gate. When several apply, the one with the highest
 * {@link #precedence()} wins: {@code KILL > DIAGNOSE > HOLD > GO}.
 */
public enum GateOutcome {
  /** The stage's output exists and its gate is met: move to the next stage. */
  GO(0),
  /** A stage output is missing, or the gate is not due yet: stay and complete the named outputs. */
  HOLD(1),
  /** The gate is due and the evidence says it is not working: investigate before expanding. */
  DIAGNOSE(2),
  /** The deadline has passed and the criteria are not met: stop, release the budget, or re-scope. */
  KILL(3);

  private final int precedence;

  GateOutcome(int precedence) {
    this.precedence = precedence;
  }

  /** Higher wins when several outcomes apply. */
  public int precedence() {
    return precedence;
  }

  /** The outcome of higher precedence of the two. */
  public GateOutcome max(GateOutcome other) {
    return other == null || precedence >= other.precedence ? this : other;
  }
}
