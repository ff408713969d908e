package dev.pilotgate.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The controlled rollout: when it started, who may use the system, who has it, and the
 * early adopters. Immutable and thread-safe.
 *
 * @param startedOn          start of the controlled rollout; required
 * @param eligibleUsers      users who could use the system when fully rolled out; not negative
 * @param deployedUsers      users who have it today; not negative, at most {@code eligibleUsers}
 * @param earlyAdopters      the controlled group, by user name; no name twice, compared as {@link UserIds} does
 * @param legacyProcessInUse whether the old process is still run in parallel
 */
public record Rollout(
    LocalDate startedOn,
    int eligibleUsers,
    int deployedUsers,
    List<String> earlyAdopters,
    boolean legacyProcessInUse) {

  public Rollout {
    Checks c = new Checks();
    c.requiredDate(startedOn, "startedOn");
    c.nonNegative(eligibleUsers, "eligibleUsers");
    c.nonNegative(deployedUsers, "deployedUsers");
    if (deployedUsers > eligibleUsers) {
      c.problem("deployedUsers", "(" + deployedUsers + ") must not exceed eligibleUsers (" + eligibleUsers + ")",
          "eligibleUsers");
    }
    earlyAdopters = c.list(earlyAdopters, "earlyAdopters");
    for (int i = 0; i < earlyAdopters.size(); i++) {
      String user = earlyAdopters.get(i);
      if (user != null && user.isBlank()) {
        c.problem("earlyAdopters[" + i + "]", "must not be blank but was '" + user + "'");
      }
    }
    c.uniqueUsers(earlyAdopters, "earlyAdopters", "early adopter");
    c.done();
  }
}
