package dev.pilotgate.model;

import java.time.LocalDate;

/**
 * One user's use of the system on one day. Immutable and thread-safe.
 *
 * @param user     who; required; matched with the early adopters as {@link UserIds} does (trimmed, ignoring case)
 * @param date     when; required
 * @param sessions how many sessions that day; 0 means installed but not used (no activity), and a
 *                 document that leaves it out means 1
 */
public record UsageRecord(String user, LocalDate date, int sessions) {
  public UsageRecord {
    Checks c = new Checks();
    c.requiredText(user, "user");
    c.requiredDate(date, "date");
    c.nonNegative(sessions, "sessions");
    c.done();
  }

  /** One session on {@code date}: what a document's usage record without {@code sessions} means. */
  public UsageRecord(String user, LocalDate date) {
    this(user, date, 1);
  }
}
