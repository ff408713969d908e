package dev.pilotgate.model;

import java.time.LocalDate;

/**
 * A waiver on record: someone with the authority to do so accepted a known gap for a while, so
 * that the finding with {@code code} (about {@code subject}, when given) stops holding the gate.
 * A waived finding keeps its code and becomes a WARNING that calls for nothing; past the waiver's
 * end, or past the policy's {@code waiver.maxDays} after {@code approvedOn}, the finding is back.
 * A finding that calls for KILL is never waived. Which codes a waiver may name is checked
 * against the finding catalogue by the document reader. Immutable and thread-safe.
 *
 * @param code       the finding code waived (e.g. {@code DATA_DUPLICATES}); required, upper snake case
 * @param subject    the data source, device or metric the waiver is about, or {@code null} for every
 *                   finding with the code; not blank when given
 * @param approvedBy who approved it; required, not blank
 * @param reason     why the gap is accepted for now; required, not blank
 * @param approvedOn when it was approved; required
 * @param until      the last day it is meant to count; required, not before {@code approvedOn}
 */
public record Waiver(String code, String subject, String approvedBy, String reason, LocalDate approvedOn,
    LocalDate until) {

  public Waiver {
    Checks c = new Checks();
    if (c.requiredText(code, "code") != null && !code.isBlank() && !code.matches("[A-Z][A-Z0-9_]*")) {
      c.problem("code", "must be a finding code in upper snake case (e.g. DATA_DUPLICATES) but was '" + code + "'");
    }
    if (subject != null && subject.isBlank()) {
      c.problem("subject", "must not be blank but was '" + subject + "': name the data source, device or metric,"
          + " or leave subject out to waive the code for every subject");
    }
    c.requiredText(approvedBy, "approvedBy");
    c.requiredText(reason, "reason");
    LocalDate from = c.requiredDate(approvedOn, "approvedOn");
    LocalDate to = c.requiredDate(until, "until");
    if (from != null && to != null && to.isBefore(from)) {
      c.problem("until", "(" + to + ") must not be before approvedOn (" + from + "): a waiver ends after it is"
          + " approved", "approvedOn");
    }
    c.done();
  }

  /** Whether this waiver is about {@code candidate}: no subject waives every subject; else compared trimmed, ignoring case. */
  public boolean covers(String candidate) {
    return subject == null || candidate != null && subject.strip().equalsIgnoreCase(candidate.strip());
  }
}
