package dev.pilotgate.facts;

/**
 * Whole counts from a policy share, for rules that say what it would take to clear a finding
 * ({@code toPass}: "2 more of 5 early adopters active"). Stateless.
 */
public final class Counts {
  /** Tolerance for shares that are not exact in binary (0.6 * 5 is 3.0000000000000004). */
  private static final double EPSILON = 1e-9;

  private Counts() {}

  /** The fewest of {@code of} that make at least {@code share} of them (0.6 of 5 is 3); 0 when {@code of} is 0 or less. */
  public static int atLeast(double share, int of) {
    return of <= 0 ? 0 : (int) Math.min(of, Math.max(0, Math.ceil(share * of - EPSILON)));
  }

  /** The most of {@code of} that stay below {@code share} of them (below 0.8 of 10 is 7). */
  public static int below(double share, int of) {
    return of <= 0 ? 0 : Math.max(0, (int) Math.ceil(share * of - EPSILON) - 1);
  }

  /** {@code a - b}, not less than 0: how many more are needed. */
  public static int more(int needed, int have) {
    return Math.max(0, needed - have);
  }
}
