package dev.pilotgate.model;

import java.time.LocalDate;

/**
 * One user's use of the system on one day. Immutable and thread-safe.
 *
 * @param user     who; required; matched with the early adopters as {@link UserIds} does (trimmed, ignoring case)
 * @param date     when; required
 * @param sessions how many sessions that day; at least 1 when stated, 1 when not
 */
public record UsageRecord(String user, LocalDate date, int sessions) {
  public UsageRecord {
    Checks c = new Checks();
    c.requiredText(user, "user");
    c.requiredDate(date, "date");
    if (sessions == 0) {
      sessions = 1;
    }
    c.nonNegative(sessions, "sessions");
    c.done();
  }
}
