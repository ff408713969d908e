package dev.pilotgate.decision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A window of dates, both ends included. Immutable and thread-safe; stable API.
 *
 * @param from first day; required
 * @param to   last day; required, not before {@code from}
 */
public record DateWindow(LocalDate from, LocalDate to) {
  public DateWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
    }
  }
}
