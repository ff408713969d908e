package dev.pilotgate.model;

import java.time.LocalDate;

/**
 * One measured value of a success-criterion metric. Immutable and thread-safe.
 *
 * @param metric the {@link SuccessCriterion#metric()} it measures; required
 * @param date   when it was measured; required
 * @param value  the value; finite
 */
public record Observation(String metric, LocalDate date, double value) {
  public Observation {
    Checks c = new Checks();
    c.requiredText(metric, "metric");
    c.requiredDate(date, "date");
    c.finite(value, "value");
    c.done();
  }
}
