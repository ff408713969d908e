package dev.pilotgate.facts;

import dev.pilotgate.decision.Severity;
import dev.pilotgate.model.Pilot;
import dev.pilotgate.model.Stage;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The evaluation's frame, computed once before the rules fire.
 *
 * @param pilot              the pilot being evaluated
 * @param stage              its current stage
 * @param asOf               the day of the decision
 * @param designStartedOn    when the design started (earliest criterion definition or launch), or {@code null}
 * @param gateDueOn          rollout start + {@code gate.periodDays}, or {@code null} without a rollout
 * @param gateDue            whether {@code asOf} is on or after {@code gateDueOn}
 * @param purgatory          past {@code plannedEndOn} + {@code purgatory.graceDays}, below production, with no GO or KILL on record for the current stage
 * @param purgatorySince     the day purgatory began ({@code plannedEndOn} + grace), or {@code null} without a planned end
 * @param diagnoseOnRecord   whether a DIAGNOSE decision is on record for the current stage, on or before {@code asOf}
 * @param lastDecisionOn     the date of the latest decision on record on or before {@code asOf}, or {@code null}
 * @param lastGoOn           the date of the latest GO on record on or before {@code asOf}, or {@code null}
 * @param killedOn           when the latest decision on record (on or before {@code asOf}) is a KILL, its date:
 *                           the KILL is final; else {@code null}
 */
public record GateContext(
    Pilot pilot,
    Stage stage,
    LocalDate asOf,
    LocalDate designStartedOn,
    LocalDate gateDueOn,
    boolean gateDue,
    boolean purgatory,
    LocalDate purgatorySince,
    boolean diagnoseOnRecord,
    LocalDate lastDecisionOn,
    LocalDate lastGoOn,
    LocalDate killedOn) {

  /**
   * BLOCKER when the pilot has reached {@code outputStage} (its output should exist by
   * now), else WARNING (a gap ahead, which lowers readiness).
   */
  public Severity severityFor(Stage outputStage) {
    return stage.isAtOrAfter(outputStage) ? Severity.BLOCKER : Severity.WARNING;
  }

  /** Whether a KILL is the latest decision on record: it stands, whatever the data says now. */
  public boolean killed() {
    return killedOn != null;
  }

  /** Whole weeks since the rollout started (0 before it, or without a rollout). */
  public long weeksIntoRollout() {
    return pilot.rollout() == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(pilot.rollout().startedOn(), asOf) / 7);
  }

  /** Whole days from {@code date} to {@link #asOf()}; negative for a date after it. */
  public long daysSince(LocalDate date) {
    return ChronoUnit.DAYS.between(date, asOf);
  }

  /** Whole days from {@link #asOf()} to {@code date}; negative for a date before it. */
  public long daysUntil(LocalDate date) {
    return ChronoUnit.DAYS.between(asOf, date);
  }
}
