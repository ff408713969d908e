package dev.pilotgate.decision;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * How ready the pilot is, and how many weeks <em>remaining</em> to full production that implies,
 * from the stage the pilot is in (the policy's phase and remediation weeks). Immutable and
 * thread-safe.
 *
 * @param level              the readiness level; required
 * @param minWeeks           fewest weeks from the decision day to full production: 0 in
 *                           {@code PRODUCTION}; null when the outcome is {@code KILL} (no way forward)
 * @param maxWeeks           most weeks; at least {@code minWeeks}; null exactly when {@code minWeeks} is
 * @param gaps               the finding codes counted as gaps; copied, de-duplicated and sorted
 * @param productionBetween  the dates in which full production can be expected (decision day plus the
 *                           weeks); null in {@code PRODUCTION}, on a {@code KILL}, or when not computed
 */
public record Readiness(ReadinessLevel level, Integer minWeeks, Integer maxWeeks, List<String> gaps,
    DateWindow productionBetween) {
  public Readiness {
    Objects.requireNonNull(level, "level");
    if ((minWeeks == null) != (maxWeeks == null)) {
      throw new IllegalArgumentException("minWeeks (" + minWeeks + ") and maxWeeks (" + maxWeeks
          + ") must both be given or both be null");
    }
    if (minWeeks != null && minWeeks < 0) {
      throw new IllegalArgumentException("minWeeks must not be negative but was " + minWeeks);
    }
    if (minWeeks != null && maxWeeks < minWeeks) {
      throw new IllegalArgumentException(
          "maxWeeks (" + maxWeeks + ") must be at least minWeeks (" + minWeeks + ")");
    }
    gaps = gaps == null ? List.of() : gaps.stream().distinct().sorted().toList();
  }

  /** Weeks without a window of dates (as a rule set of version 0.1 states readiness). */
  public Readiness(ReadinessLevel level, int minWeeks, int maxWeeks, List<String> gaps) {
    this(level, Integer.valueOf(minWeeks), Integer.valueOf(maxWeeks), gaps, null);
  }

  /**
   * Readiness {@code minWeeks}–{@code maxWeeks} from {@code asOf}, with the window of dates they give;
   * 0 weeks (already in production) gives no window.
   */
  public static Readiness remaining(ReadinessLevel level, int minWeeks, int maxWeeks, List<String> gaps,
      LocalDate asOf) {
    DateWindow window = maxWeeks == 0 ? null : new DateWindow(asOf.plusWeeks(minWeeks), asOf.plusWeeks(maxWeeks));
    return new Readiness(level, minWeeks, maxWeeks, gaps, window);
  }

  /** The same level and gaps with no weeks and no window: there is no way forward from a KILL. */
  public Readiness withoutWeeks() {
    return new Readiness(level, null, null, gaps, null);
  }

  /** "13–18 weeks", "4 weeks", "0 weeks" or "none"; {@code dash} joins a range. */
  public String weeksText(String dash) {
    if (minWeeks == null) {
      return "none";
    }
    return (minWeeks.equals(maxWeeks) ? String.valueOf(minWeeks) : minWeeks + dash + maxWeeks)
        + (maxWeeks == 1 ? " week" : " weeks");
  }
}
