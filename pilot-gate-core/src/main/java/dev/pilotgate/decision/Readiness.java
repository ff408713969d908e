package dev.pilotgate.decision;

import java.util.List;
import java.util.Objects;

/**
 * How ready the pilot is, and how many weeks to full production that implies (from the
 * policy). Immutable and thread-safe.
 *
 * @param level    the readiness level; required
 * @param minWeeks fewest weeks to full production; positive
 * @param maxWeeks most weeks to full production; at least {@code minWeeks}
 * @param gaps     the finding codes counted as gaps; copied, de-duplicated and sorted
 */
public record Readiness(ReadinessLevel level, int minWeeks, int maxWeeks, List<String> gaps) {
  public Readiness {
    Objects.requireNonNull(level, "level");
    if (minWeeks <= 0) {
      throw new IllegalArgumentException("minWeeks must be positive but was " + minWeeks);
    }
    if (maxWeeks < minWeeks) {
      throw new IllegalArgumentException(
          "maxWeeks (" + maxWeeks + ") must be at least minWeeks (" + minWeeks + ")");
    }
    gaps = gaps == null ? List.of() : gaps.stream().distinct().sorted().toList();
  }
}
