package dev.pilotgate.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * Use of a pilot after the KILL on record: the pilot is stopped on paper but still runs (and is
 * likely still paid for). Computed once before the rules fire; present only when the latest
 * decision on record is a KILL and usage (of at least one session) or observations are dated after
 * it, up to the decision day. Immutable and thread-safe.
 *
 * @param killedOn        the date of the KILL
 * @param users           who used it after the KILL, as first written, sorted
 * @param lastUsedOn      the latest such use, or {@code null} when only observations came in
 * @param observations    observations dated after the KILL
 * @param lastObservedOn  the latest of them, or {@code null}
 */
public record ActivityAfterKill(LocalDate killedOn, List<String> users, LocalDate lastUsedOn, int observations,
    LocalDate lastObservedOn) {
  public ActivityAfterKill {
    users = List.copyOf(users);
  }

  /** The latest date anything happened after the KILL. */
  public LocalDate lastActivityOn() {
    if (lastUsedOn == null) {
      return lastObservedOn;
    }
    return lastObservedOn == null || lastUsedOn.isAfter(lastObservedOn) ? lastUsedOn : lastObservedOn;
  }
}
