package dev.pilotgate.model;

import java.time.LocalDate;

/**
 * A gate decision already on record for the pilot. Immutable and thread-safe.
 *
 * @param date    when it was taken; required
 * @param stage   the stage it was taken at; required
 * @param outcome what was decided; required
 */
public record RecordedDecision(LocalDate date, Stage stage, GateOutcome outcome) {
  public RecordedDecision {
    Checks c = new Checks();
    c.requiredDate(date, "date");
    c.required(stage, "stage", Stage.values());
    c.required(outcome, "outcome", GateOutcome.values());
    c.done();
  }
}
