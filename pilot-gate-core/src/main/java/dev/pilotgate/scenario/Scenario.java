package dev.pilotgate.scenario;

import dev.pilotgate.decision.ReadinessLevel;
import dev.pilotgate.model.GateOutcome;
import dev.pilotgate.model.Pilot;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A test of a rule set: a pilot, a day, and what the decision must say (docs/pilot-document.md,
 * scenario files).
 * Immutable and thread-safe.
 *
 * @param name   what the scenario is about; required
 * @param source where it was read from, e.g. {@code scenarios/adoption.yaml#3} (the third document)
 * @param line   the line its document starts on in that file, or 0 when unknown
 * @param asOf   the decision day; required
 * @param pilot  the pilot; required
 * @param expect what the decision must say; required
 */
public record Scenario(String name, String source, int line, LocalDate asOf, Pilot pilot, Expectation expect) {
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(pilot, "pilot");
    Objects.requireNonNull(expect, "expect");
  }

  /**
   * What a decision must say. Unset parts are not checked.
   *
   * @param outcome   the outcome, or {@code null} to not check it
   * @param findings  finding codes that must be present
   * @param absent    finding codes that must not be present
   * @param readiness the readiness level, or {@code null} to not check it
   */
  public record Expectation(GateOutcome outcome, List<String> findings, List<String> absent, ReadinessLevel readiness) {
    public Expectation {
      findings = findings == null ? List.of() : List.copyOf(findings);
      absent = absent == null ? List.of() : List.copyOf(absent);
      Set<String> both = new java.util.TreeSet<>(findings);
      both.retainAll(absent);
      if (!both.isEmpty()) {
        throw new IllegalArgumentException("findings and absent both name " + both);
      }
    }
  }
}
