package dev.pilotgate.model;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/**
 * The controlled rollout: when it started, who may use the system, who has it, and the
 * early adopters. Immutable and thread-safe.
 *
 * @param startedOn          start of the controlled rollout; required
 * @param eligibleUsers      users who could use the system when fully rolled out; not negative
 * @param deployedUsers      users who have it today; not negative, at most {@code eligibleUsers}
 * @param earlyAdopters      the controlled group, by user name; no duplicates
 * @param legacyProcessInUse whether the old process is still run in parallel
 */
public record Rollout(
    LocalDate startedOn,
    int eligibleUsers,
    int deployedUsers,
    List<String> earlyAdopters,
    boolean legacyProcessInUse) {

  public Rollout {
    Checks.required(startedOn, "startedOn");
    Checks.nonNegative(eligibleUsers, "eligibleUsers");
    Checks.nonNegative(deployedUsers, "deployedUsers");
    if (deployedUsers > eligibleUsers) {
      throw new InvalidFieldException("deployedUsers",
          "(" + deployedUsers + ") must not exceed eligibleUsers (" + eligibleUsers + ")");
    }
    earlyAdopters = Checks.list(earlyAdopters, "earlyAdopters");
    var seen = new HashSet<String>();
    for (int i = 0; i < earlyAdopters.size(); i++) {
      String user = Checks.requiredText(earlyAdopters.get(i), "earlyAdopters[" + i + "]");
      if (!seen.add(user)) {
        throw new InvalidFieldException("earlyAdopters[" + i + "]", "repeats '" + user + "'");
      }
    }
  }
}
