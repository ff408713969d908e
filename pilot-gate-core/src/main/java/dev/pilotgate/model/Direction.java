package dev.pilotgate.model;

/** Which way a metric has to move to get better. */
public enum Direction {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER;

  /** Whether {@code candidate} is strictly better than {@code reference} in this direction. */
  public boolean isBetter(double candidate, double reference) {
    return this == HIGHER_IS_BETTER ? candidate > reference : candidate < reference;
  }
}
