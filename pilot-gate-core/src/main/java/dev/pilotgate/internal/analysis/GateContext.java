package dev.pilotgate.internal.analysis;

import dev.pilotgate.decision.Severity;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The evaluation's frame, computed once before the rules fire: the pilot, its stage, the
 * day the decision is for, and when the pilot's design started (the earliest date a
 * success criterion was defined, else the launch date).
 *
 * @param pilot           the pilot being evaluated
 * @param stage           its current stage
 * @param asOf            the day of the decision
 * @param designStartedOn when the design started, or {@code null} when nothing says
 */
public record GateContext(Pilot pilot, Stage stage, LocalDate asOf, LocalDate designStartedOn) {

  /**
   * BLOCKER when the pilot has reached {@code outputStage} (its output should exist by
   * now), else WARNING (a gap ahead, which lowers readiness).
   */
  public Severity severityFor(Stage outputStage) {
    return stage.isAtOrAfter(outputStage) ? Severity.BLOCKER : Severity.WARNING;
  }

  /** Whole days from {@code date} to {@link #asOf()}; negative for a date after it. */
  public long daysSince(LocalDate date) {
    return ChronoUnit.DAYS.between(date, asOf);
  }
}
