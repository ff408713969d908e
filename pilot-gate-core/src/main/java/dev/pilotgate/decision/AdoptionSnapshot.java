package dev.pilotgate.decision;

import java.time.LocalDate;
import java.util.List;

/**
 * Who is using the system, computed once from the usage records up to the decision day,
 * before the rules fire, and reported with the decision. Shares are 0 when their denominator
 * is 0. Immutable and thread-safe.
 *
 * @param windowDays             length of the activity window ({@code adoption.windowDays})
 * @param windowStart            first day of the window
 * @param windowEnd              last day of the window (the decision day)
 * @param rolloutAgeDays         days since the rollout started
 * @param earlyAdopters          size of the early-adopter cohort
 * @param activeEarlyAdopters    early adopters with usage in the window, in cohort order
 * @param inactiveEarlyAdopters  early adopters without usage in the window, in cohort order
 * @param earlyAdopterActiveShare active early adopters / cohort size
 * @param eligibleUsers          users who could use the system
 * @param deployedUsers          users who have it
 * @param deployedShare          deployed / eligible
 * @param activeUsers            distinct users with usage in the window (user ids compared trimmed and ignoring
 *                               case, as {@code dev.pilotgate.model.UserIds} does)
 * @param activeShare            active users / eligible users
 * @param previousActiveUsers    distinct users with usage in the window before this one (likewise)
 * @param activeOutsideCohort    users active in the window who are not early adopters, as first written
 * @param usageRecords           usage records up to the decision day, whatever their sessions: 0 means
 *                               usage is not tracked at all, not that nobody used it
 * @param usageDecay             relative drop of active users from the previous window (0 when none or no previous users)
 */
public record AdoptionSnapshot(
    int windowDays,
    LocalDate windowStart,
    LocalDate windowEnd,
    long rolloutAgeDays,
    int earlyAdopters,
    List<String> activeEarlyAdopters,
    List<String> inactiveEarlyAdopters,
    double earlyAdopterActiveShare,
    int eligibleUsers,
    int deployedUsers,
    double deployedShare,
    int activeUsers,
    double activeShare,
    int previousActiveUsers,
    double usageDecay,
    List<String> activeOutsideCohort,
    int usageRecords) {

  public AdoptionSnapshot {
    activeEarlyAdopters = List.copyOf(activeEarlyAdopters);
    inactiveEarlyAdopters = List.copyOf(inactiveEarlyAdopters);
    activeOutsideCohort = activeOutsideCohort == null ? List.of() : List.copyOf(activeOutsideCohort);
  }

  /** As of version 0.1: nobody outside the cohort, and usage tracked when anyone was active. */
  public AdoptionSnapshot(int windowDays, LocalDate windowStart, LocalDate windowEnd, long rolloutAgeDays,
      int earlyAdopters, List<String> activeEarlyAdopters, List<String> inactiveEarlyAdopters,
      double earlyAdopterActiveShare, int eligibleUsers, int deployedUsers, double deployedShare, int activeUsers,
      double activeShare, int previousActiveUsers, double usageDecay) {
    this(windowDays, windowStart, windowEnd, rolloutAgeDays, earlyAdopters, activeEarlyAdopters,
        inactiveEarlyAdopters, earlyAdopterActiveShare, eligibleUsers, deployedUsers, deployedShare, activeUsers,
        activeShare, previousActiveUsers, usageDecay, List.of(), activeUsers + previousActiveUsers);
  }

  /** Number of early adopters active in the window. */
  public int activeEarlyAdopterCount() {
    return activeEarlyAdopters.size();
  }
}
